using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Offices;
using PassportQueue.Core.Phones;
using PassportQueue.Web.Data;
using PassportQueue.Web.Counters;

namespace PassportQueue.Web.Demo;

/// <summary>
/// Development only: an office's last 30 days and its day as it stands now, so that the first look is true to a real
/// office. Every booking and state change goes through the same store, ledger, registry and counter calls as real ones,
/// with the instant it happened: bookings made days before, check-ins before the deadline, completions and returns at
/// the counter, forfeits of no-shows (which flag their numbers as real ones do), one number blacklisted. Today follows
/// the clock: the slots that are past are done, applicants of the slots around now have checked in and the counters
/// have called some, the later slots are booked; the next working days are filling up. Numbers, names, birth dates and
/// addresses are spread like a real population, so the demo is no scalper ring. Runs only on a database without bookings.
/// </summary>
public sealed partial class DemoData(
    IDbContextFactory<PassportQueueDbContext> contexts,
    OfficeDirectory offices,
    IBookingStore store,
    IBookingLedger ledger,
    IPhoneRegistry registry,
    QueueCalls calls,
    BookingRules rules,
    TimeProvider time,
    ILogger<DemoData> logger)
{
    /// <summary>Days of history before today.</summary>
    public const int HistoryDays = 30;

    /// <summary>A demo day holds at most this many bookings, whatever the office's quota, so that start-up stays quick.</summary>
    public const int MaxPerDay = 30;

    private static readonly string[] FirstNames =
    [
        "Budi", "Siti", "Agus", "Dewi", "Rina", "Hendra", "Yohana", "Fransiska", "Putu", "Andi", "Wahyu", "Sri", "Eko", "Ratna", "Joko",
        "Nur", "Ahmad", "Indah", "Rudi", "Maria", "Made", "Ketut", "Fitri", "Dian", "Bambang", "Yuliana", "Rizky", "Intan", "Fajar", "Lestari",
    ];

    private static readonly string[] LastNames =
    [
        "Santoso", "Nurhaliza", "Salim", "Lestari", "Wulandari", "Gunawan", "Sitompul", "Wijaya", "Mappanyukki", "Prasetyo", "Hidayat",
        "Saputra", "Kusuma", "Siregar", "Nasution", "Pratama", "Rahmawati", "Setiawan", "Hutapea", "Simanjuntak", "Maharani", "Kurniawan",
    ];

    private static readonly string[] Streets =
    [
        "Jl. Engku Putri", "Jl. Raja Ali Haji", "Jl. Ahmad Yani", "Jl. Sudirman", "Jl. Imam Bonjol", "Jl. Diponegoro", "Perum Bukit Indah Sukajadi",
        "Perum Legenda Malaka", "Jl. Hang Tuah", "Perum Taman Raya Tahap", "Jl. Laksamana Bintan", "Perum Mitra Raya",
    ];

    private static readonly string[] Districts = ["Batam Kota", "Sekupang", "Batu Aji", "Sagulung", "Lubuk Baja", "Bengkong", "Nongsa", "Sei Beduk"];

    /// <summary>Mobile prefixes of Indonesian operators (after +62).</summary>
    private static readonly string[] Prefixes = ["811", "812", "813", "821", "822", "823", "852", "853", "814", "815", "816", "855", "856", "857", "858", "817", "818", "819", "859", "877", "878", "895", "896", "897", "881", "882"];

    /// <summary>How much each slot is asked for: mornings first, a dip at midday.</summary>
    private static readonly double[] SlotDemand = [1.0, 1.0, 0.95, 0.9, 0.8, 0.7, 0.55, 0.4, 0.45, 0.55, 0.5, 0.45, 0.35, 0.3, 0.25, 0.2];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Bookings.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var now = time.GetUtcNow();
        var all = await offices.AllAsync(cancellationToken);
        var counts = await Task.WhenAll(all.Select((office, i) => SeedOfficeAsync(office, i, now, cancellationToken)));
        var total = counts.Sum();
        LogSeeded(logger, total, HistoryDays);
    }

    private async Task<int> SeedOfficeAsync(Office office, int officeIndex, DateTimeOffset now, CancellationToken ct)
    {
        var seed = new OfficeSeed(office, new Random(7919 * (officeIndex + 1)), now, Actor.Staff($"petugas.{office.Code.ToLowerInvariant()}@demo.local"));
        var today = office.Calendar.LocalDate(now);
        // The days are independent (each its own random stream), so they are written at once and the write batcher groups them.
        var days = new List<(DateOnly Date, double Fill)>();
        for (var date = today.AddDays(-HistoryDays); date < today; date = date.AddDays(1))
        {
            days.Add((date, 0.55 + (seed.Random.NextDouble() * 0.4)));
        }

        // Today follows the clock; the next working days fill up (a ballot office's future days come from its draws).
        days.Add((today, 0.9));
        if (office.Settings.Allocation == Allocation.FirstCome)
        {
            var ahead = 0;
            for (var date = today.AddDays(1); ahead < 3; date = date.AddDays(1))
            {
                if (office.Calendar.IsOpen(date))
                {
                    days.Add((date, ahead switch { 0 => 0.75, 1 => 0.4, _ => 0.15 }));
                    ahead++;
                }
            }
        }

        var count = (await Task.WhenAll(days.Select(d => SeedDayAsync(seed, d.Date, d.Fill, new Random(seed.Random.Next()), ct)))).Sum();
        await FlagAndBlacklistAsync(seed, ct);
        return count;
    }

    /// <summary>One day: bookings spread over its slots by demand, then what happened to each by the clock.</summary>
    private async Task<int> SeedDayAsync(OfficeSeed seed, DateOnly date, double fill, Random random, CancellationToken ct)
    {
        var office = seed.Office;
        if (!office.Calendar.IsOpen(date))
        {
            return 0;
        }

        var s = office.Settings;
        // History and the days ahead at a demo size; today at the office's own, so that its counters have a queue to serve.
        var size = date == office.Calendar.LocalDate(seed.Now) ? Math.Min(s.DailyQuota, s.SlotPlaces) : Math.Min(s.DailyQuota, MaxPerDay);
        var target = (int)Math.Round(size * fill);
        var weights = Enumerable.Range(0, s.SlotsPerDay).Select(i => SlotDemand[Math.Min(i, SlotDemand.Length - 1)]).ToArray();
        var perSlot = weights.Select(w => (int)Math.Round(target * w / weights.Sum())).ToArray();
        var day = BookingPlanner.DayPlanFor(office.Calendar, date, new DateTimeOffset(office.Calendar.ToUtc(date.AddDays(-1), TimeOnly.MinValue), TimeSpan.Zero));
        var booked = new List<(BookingView, PhoneNumber)>();
        // Numbers a balita of this day may use: a parent who booked earlier the same day (each day its own, so the demo is the same every time).
        var parents = new List<PhoneNumber>();
        for (var slot = 0; slot < s.SlotsPerDay; slot++)
        {
            // Places are numbered in order; starting a slot's bookings at its first place spreads the day over its slots.
            var slotDay = day with { FirstPlace = (slot * s.PlacesPerSlot) + 1 };
            var requests = Enumerable.Range(0, Math.Min(perSlot[slot], s.PlacesPerSlot)).Select(_ => Request(seed, date, parents, random)).ToList();
            booked.AddRange((await Task.WhenAll(requests.Select(r => BookAsync(seed, slotDay, r, ct)))).OfType<(BookingView, PhoneNumber)>());
        }

        await ActAsync(seed, booked, random, ct);
        return booked.Count;
    }

    private async Task<(BookingView, PhoneNumber)?> BookAsync(OfficeSeed seed, DayPlan day, Applicant a, CancellationToken ct)
    {
        var office = seed.Office;
        var date = day.Date.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        var birth = a.BirthDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        var body = a.Address is null ? $"#{a.Name}#{birth}#{date}" : $"#{a.Name}#{birth}#{a.Address}";
        var plan = new BookingPlan(
            office.Id, office.Code, a.Phone, a.Name.ToUpperInvariant(), PersonKey.For(a.Name, a.BirthDate), a.BirthDate, a.Address, a.Group, [day], [], RefusalReason.DayFull, rules, a.BookedAtUtc);
        var record = new IncomingRecord($"demo-{office.Code}-{a.Message}", office.Id, a.Phone, body, a.BookedAtUtc);
        if (await store.BookAsync(record, plan, ct) is not BookingConfirmed { Booking: var booking })
        {
            return null;
        }

        return (booking, a.Phone);
    }

    /// <summary>
    /// What happened to each booking by now: most came before the deadline and were served, some were sent back,
    /// some never came. Check-ins go in the order people came, so queue numbers follow it.
    /// </summary>
    private async Task ActAsync(OfficeSeed seed, List<(BookingView Booking, PhoneNumber Phone)> booked, Random random, CancellationToken ct)
    {
        var now = seed.Now.UtcDateTime;
        var fates = booked.Select(b => Fate.Of(b.Booking, b.Phone, random)).ToList();
        var forfeited = fates.Where(f => f.NoShow && f.Booking.CheckInDeadlineUtc.AddMinutes(1) <= now).ToList();
        await Task.WhenAll(forfeited.Select(f => ledger.ForfeitAsync(f.Code, CounterDesk.LateReason, Actor.System, f.Booking.CheckInDeadlineUtc.AddMinutes(1), rules, ct)));
        // A no-show flags its number; the supervisor has reviewed those older than a week (the applicant called, was ill, booked again).
        foreach (var f in forfeited.Where(f => f.Booking.CheckInDeadlineUtc < now.AddDays(-7)))
        {
            await registry.ClearFlagAsync(f.Phone, "Sudah ditinjau: pemohon sakit dan mendaftar ulang", seed.Supervisor, ct);
        }

        if (booked.Count > 0 && booked[0].Booking.Date == seed.Office.Calendar.LocalDate(seed.Now))
        {
            await ServeTodayAsync(seed, fates, random, ct);
            return;
        }

        foreach (var f in fates.Where(f => !f.NoShow && f.ArrivedAtUtc <= now).OrderBy(f => f.ArrivedAtUtc))
        {
            await ledger.MarkArrivedAsync(f.Code, f.Entry, seed.Officer, f.ArrivedAtUtc, ct);
        }

        await Task.WhenAll(fates.Where(f => !f.NoShow && f.ServedAtUtc <= now).Select(f => f.Returned
            ? ledger.ReturnAsync(f.Code, "Dokumen asli tidak lengkap: akta kelahiran", seed.Officer, f.ServedAtUtc, ct)
            : ledger.CompleteAsync(f.Code, seed.Officer, f.ServedAtUtc, ct)));
    }

    /// <summary>
    /// Today the counters serve the queue as it forms, up to now: from a quarter of an hour before the first slot each
    /// counter calls the next checked-in applicant (the counters' own call, at that instant, audited and announced as
    /// every call is), serves them for about as long as the office's slots allow, and calls the next. Whoever a counter
    /// serves at this moment stays called; whoever came and was not called yet waits.
    /// </summary>
    private async Task ServeTodayAsync(OfficeSeed seed, List<Fate> fates, Random random, CancellationToken ct)
    {
        var office = seed.Office;
        var s = office.Settings;
        var now = seed.Now.UtcDateTime;
        var arrivals = new Queue<Fate>(fates.Where(f => !f.NoShow && f.ArrivedAtUtc <= now).OrderBy(f => f.ArrivedAtUtc));
        var byNumber = new Dictionary<int, Fate>();
        var minutes = (double)s.Counters.Length * s.SlotMinutes / s.PlacesPerSlot;
        var free = s.Counters.ToDictionary(c => c, _ => office.Calendar.SlotStartUtc(fates[0].Booking.Date, 0).AddMinutes(-15));

        async Task ArriveUntilAsync(DateTime until)
        {
            while (arrivals.TryPeek(out var next) && next.ArrivedAtUtc <= until)
            {
                arrivals.Dequeue();
                if ((await ledger.MarkArrivedAsync(next.Code, next.Entry, seed.Officer, next.ArrivedAtUtc, ct)).QueueNumber is { } number)
                {
                    byNumber[number] = next;
                }
            }
        }

        while (free.MinBy(c => c.Value) is var (counter, at) && at <= now)
        {
            await ArriveUntilAsync(at);
            var call = await calls.CallNextAsync(office, counter, seed.Officer, new DateTimeOffset(at, TimeSpan.Zero), ct);
            if (call is not { Status: CallStatus.Done, QueueNumber: { } number } || !byNumber.TryGetValue(number, out var fate))
            {
                // Nobody waiting: the counter is free again when the next applicant comes, or for the rest of the day.
                free[counter] = arrivals.TryPeek(out var coming) ? coming.ArrivedAtUtc : DateTime.MaxValue;
                continue;
            }

            var done = at.AddMinutes(minutes * (0.6 + (random.NextDouble() * 0.6)));
            if (done <= now)
            {
                await (fate.Returned
                    ? ledger.ReturnAsync(fate.Code, "Dokumen asli tidak lengkap: akta kelahiran", seed.Officer, done, ct)
                    : ledger.CompleteAsync(fate.Code, seed.Officer, done, ct));
            }

            free[counter] = done;
        }

        await ArriveUntilAsync(now);
    }

    /// <summary>A number an officer flagged, and one blacklisted for selling its code.</summary>
    private async Task FlagAndBlacklistAsync(OfficeSeed seed, CancellationToken ct)
    {
        if (seed.Issued.Count < 3)
        {
            return;
        }

        await registry.FlagAsync(seed.Issued[^1], FlagReason.Officer, "Menanyakan kode booking orang lain di loket", seed.Officer, ct);
        await registry.BlacklistAsync(
            seed.Issued[seed.Issued.Count / 2], "Menawarkan kode booking kepada pemohon lain di depan kantor (laporan satpam)",
            seed.Supervisor, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Development demo data: {Count} bookings over the last {Days} days, today and the next working days")]
    private static partial void LogSeeded(ILogger logger, int count, int days);

}
