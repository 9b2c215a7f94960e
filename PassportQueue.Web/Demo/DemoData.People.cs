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

public partial class DemoData
{
    /// <summary>One applicant who books the day some days before: one in twelve is a lansia, one in twenty-five a balita on a parent's number.</summary>
    private static Applicant Request(OfficeSeed seed, DateOnly date, List<PhoneNumber> parents, Random random)
    {
        var office = seed.Office;
        var kind = random.Next(100);
        PhoneNumber? parent = kind is >= 8 and < 12 && parents.Count > 0 ? parents[random.Next(parents.Count)] : null;
        var birth = kind switch
        {
            < 8 => date.AddYears(-random.Next(60, 82)).AddDays(-random.Next(365)),
            < 12 when parent is not null => date.AddYears(-random.Next(1, 4)).AddDays(-random.Next(365)),
            _ => date.AddYears(-random.Next(18, 58)).AddDays(-random.Next(365)),
        };
        var group = AgePolicy.Classify(birth, date);
        var phone = group == AgeGroup.Balita ? parent!.Value : seed.NewNumber(random);
        var name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
        var address = office.Settings.MessageFormat == MessageFormat.AddressWithIdPhoto
            ? $"{Streets[random.Next(Streets.Length)]} No. {random.Next(1, 120)}, {Districts[random.Next(Districts.Length)]}"
            : null;
        var bookedAt = office.Calendar.ToUtc(date.AddDays(-random.Next(1, 12)), new TimeOnly(random.Next(6, 21), random.Next(60)));
        if (group == AgeGroup.Adult && random.Next(6) == 0)
        {
            parents.Add(phone);
        }

        return new Applicant(phone, name, birth, group, address, bookedAt, seed.NextMessage());
    }


    /// <summary>A booking's day: a no-show one time in eight or so; else it came 30 to 90 minutes before its slot (the deadline is 30 minutes before) and was served within 45 minutes of it, one in ten sent back.</summary>
    private sealed record Fate(BookingView Booking, PhoneNumber Phone, BookingCode Code, bool NoShow, DateTime ArrivedAtUtc, DateTime ServedAtUtc, CodeEntry Entry, bool Returned)
    {
        public static Fate Of(BookingView booking, PhoneNumber phone, Random random)
        {
            if (!BookingCode.TryParse(booking.Code, out var code))
            {
                throw new InvalidOperationException($"The store issued an unreadable code {booking.Code}.");
            }

            return new Fate(
                booking, phone, code, random.Next(100) < 12, booking.CheckInDeadlineUtc.AddMinutes(-random.Next(1, 61)), booking.SlotStartUtc.AddMinutes(random.Next(0, 45)),
                random.Next(100) < 70 ? CodeEntry.Scanned : CodeEntry.Typed, random.Next(100) < 10);
        }
    }

    /// <summary>Who books: their number, name, birth date, age group, address (where the office asks for one), and when they wrote.</summary>
    private sealed record Applicant(PhoneNumber Phone, string Name, DateOnly BirthDate, AgeGroup Group, string? Address, DateTime BookedAtUtc, int Message);

    /// <summary>One office's seeding: its random stream, the clock, and the numbers given out so far; safe across its days.</summary>
    private sealed class OfficeSeed(Office office, Random random, DateTimeOffset now, Actor officer)
    {
        private readonly Lock _lock = new();
        private readonly HashSet<PhoneNumber> _issued = [];
        private readonly List<PhoneNumber> _inOrder = [];
        private int _messages;

        public Office Office => office;

        public Random Random => random;

        public DateTimeOffset Now => now;

        public Actor Officer => officer;

        public Actor Supervisor { get; } = Actor.Staff($"supervisor.{office.Code.ToLowerInvariant()}@demo.local");

        /// <summary>The numbers given out, in order.</summary>
        public IReadOnlyList<PhoneNumber> Issued
        {
            get
            {
                lock (_lock)
                {
                    return [.. _inOrder];
                }
            }
        }

        public int NextMessage() => Interlocked.Increment(ref _messages);

        /// <summary>A number nobody in the demo has: an operator's prefix and eight random digits.</summary>
        public PhoneNumber NewNumber(Random pick)
        {
            while (true)
            {
                var text = $"+62{Prefixes[pick.Next(Prefixes.Length)]}{pick.Next(10_000_000, 99_999_999)}";
                lock (_lock)
                {
                    if (PhoneNumber.TryParse(text, out var phone) && _issued.Add(phone))
                    {
                        _inOrder.Add(phone);
                        return phone;
                    }
                }
            }
        }
    }
}
