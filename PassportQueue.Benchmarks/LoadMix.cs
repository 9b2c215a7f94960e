using System.Collections.Concurrent;
using System.Globalization;

namespace PassportQueue.Benchmarks;

/// <summary>What a message of a mix is, and so what answer counts as right.</summary>
internal enum MixKind
{
    /// <summary>A new applicant's booking: a code, or (once the day is full) a refusal.</summary>
    Booking,

    /// <summary><c>CEK</c>: the applicant's bookings.</summary>
    Status,

    /// <summary><c>SYARAT</c>: the documents to bring.</summary>
    Requirements,

    /// <summary>Twilio delivering an earlier message again, same MessageSid: the same answer, no second booking.</summary>
    Retry,

    /// <summary>A message that is not in the format: the format help, nothing booked.</summary>
    Malformed,

    /// <summary>A forged webhook (wrong signature): 403, nothing stored.</summary>
    Forged,
}

/// <summary>One message of a mix, with the code its original got (for a retry).</summary>
internal sealed record MixMessage(LoadMessage Message, MixKind Kind, string? OriginalCode = null);

/// <summary>
/// The load tool's message mixes (<c>--mix</c>):
/// <list type="bullet">
/// <item><c>bookings</c> (the default): every message a new applicant on a new number for one of Bogor's open dates;</item>
/// <item><c>release</c>: the moment a day is released at Bogor (5,000 places a day): 72 % bookings for that one
/// newly released day (refused with other dates once it is full), 8 % CEK, 5 % SYARAT, 10 % deliveries of an
/// earlier message again, 3 % malformed messages, 2 % forged webhooks;</item>
/// <item><c>offices</c>: every message a new booking, spread over Bogor and 20 more offices of the same size.</item>
/// </list>
/// </summary>
internal sealed class LoadMix
{
    /// <summary>Offices added for the <c>offices</c> mix, besides Bogor.</summary>
    public const int ExtraOffices = 20;

    private readonly string _name;
    private readonly string _run;
    private readonly IReadOnlyList<DateOnly> _dates;
    private readonly int _offset;
    private readonly ConcurrentQueue<(LoadMessage Message, string Code)> _answered = new();

    public LoadMix(string name, string run, IReadOnlyList<DateOnly> dates, int offset)
    {
        if (name is not ("bookings" or "release" or "offices"))
        {
            throw new ArgumentException($"Unknown mix '{name}': bookings, release or offices.");
        }

        (_name, _run, _dates, _offset) = (name, run, dates, offset);
    }

    /// <summary>Settings the app is started with for this mix.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string name) => name switch
    {
        "release" => new Dictionary<string, string>
        {
            ["Offices__BGR__SlotsPerDay"] = "20",
            ["Offices__BGR__PlacesPerSlot"] = "250",
            ["Offices__BGR__DailyQuota"] = "5000",
        },
        "offices" => Enumerable.Range(1, ExtraOffices).SelectMany(OfficeSettings).ToDictionary(),
        _ => new Dictionary<string, string>(),
    };

    /// <summary>The n-th message.</summary>
    public MixMessage Next(int n)
    {
        switch (_name)
        {
            case "offices":
                var office = n % (ExtraOffices + 1);
                return new MixMessage(LoadMessage.For(_run, n, _dates, office == 0 ? LoadMessage.Bogor : OfficeNumber(office), _offset), MixKind.Booking);
            case "release":
                return Release(n);
            default:
                return new MixMessage(LoadMessage.For(_run, n, _dates, offset: _offset), MixKind.Booking);
        }
    }

    /// <summary>Whether the answer is the right one for the message's kind; a booking's code is kept for later retries.</summary>
    public bool Check(MixMessage sent, Reply reply)
    {
        var ok = sent.Kind switch
        {
            MixKind.Forged => reply.Status == 403,
            MixKind.Retry => reply.Status == 200 && reply.Code == sent.OriginalCode,
            MixKind.Malformed => reply.Status == 200 && reply.Code is null,
            MixKind.Booking when _name != "release" => reply.Status == 200 && reply.Code is not null,
            _ => reply.Status == 200,
        };
        if (sent.Kind == MixKind.Booking && reply.Code is { } code && _answered.Count < 10_000)
        {
            _answered.Enqueue((sent.Message, code));
        }

        return ok;
    }

    private MixMessage Release(int n)
    {
        var released = _dates[^1];
        var slice = n % 100;
        var booking = LoadMessage.For(_run, n, [released], offset: _offset);
        if (slice < 10 && _answered.TryDequeue(out var earlier))
        {
            // Delivered again, with the same MessageSid; kept for another retry later.
            _answered.Enqueue(earlier);
            return new MixMessage(earlier.Message, MixKind.Retry, earlier.Code);
        }

        return slice switch
        {
            < 18 => new MixMessage(booking with { Body = "CEK" }, MixKind.Status),
            < 23 => new MixMessage(booking with { Body = "SYARAT" }, MixKind.Requirements),
            < 26 => new MixMessage(booking with { Body = "#" + new string('x', 40) + "#bukan tanggal" }, MixKind.Malformed),
            < 28 => new MixMessage(booking, MixKind.Forged),
            _ => new MixMessage(booking, MixKind.Booking),
        };
    }

    private static string OfficeNumber(int office) => "+6281112" + office.ToString("D5", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, string>> OfficeSettings(int office)
    {
        // Office codes are letters only (they start every booking code).
        var prefix = $"Offices__X{(char)('A' + (office / 26))}{(char)('A' + (office % 26))}__";
        return new Dictionary<string, string>
        {
            [prefix + "Name"] = $"Kantor Imigrasi Uji {office}",
            [prefix + "TimeZoneId"] = "Asia/Jakarta",
            [prefix + "WhatsAppNumbers__0"] = OfficeNumber(office),
            [prefix + "MessageFormat"] = "ArrivalDate",
            [prefix + "FirstSlot"] = "08:00",
            [prefix + "SlotMinutes"] = "30",
            [prefix + "SlotsPerDay"] = "20",
            [prefix + "PlacesPerSlot"] = "5000",
            [prefix + "DailyQuota"] = "100000",
            [prefix + "PriorityQuota"] = "0",
            [prefix + "WindowStartDays"] = "1",
            [prefix + "WindowEndDays"] = "14",
            [prefix + "Documents__0"] = "e-KTP asli",
        };
    }
}
