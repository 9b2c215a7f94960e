using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PassportQueue.Core.Audit;
using PassportQueue.Core.Blacklist;
using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Core.Offices;
using PassportQueue.Web.Components.Common;
using PassportQueue.Web.Accounts;
using PassportQueue.Web.Channel;

namespace PassportQueue.Tests.Web;

public partial class TextsTests
{
    [Fact]
    public void EveryBallotTextHasItsTextInBothLanguages()
    {
        AssertBoth(c => ReplyWriter.Write(new EntryReceived(new DateOnly(2026, 12, 15), "E-7K3M9QX2WD", Builders.Now.AddHours(1).UtcDateTime, 2), Bogor, Builders.Now, c));
        AssertBoth(c => ReplyWriter.Write(new EntryNotOpen(new DateOnly(2026, 12, 16), Builders.Now.AddDays(1).UtcDateTime), Bogor, Builders.Now, c));
        AssertBoth(c => NotificationWriter.NotDrawn(
            new EntryNotice("BGR", new DateOnly(2026, 12, 15), "E-7K3M9QX2WD", 5, 9, 2), Bogor, Builders.Now.UtcDateTime, c));
        var booking = new BookingView(
            "BGR-7K3M9QX2", "BGR", "BUDI", new DateOnly(1987, 1, 25), AgeGroup.Adult, true, new DateOnly(2026, 12, 15), 0,
            Builders.Now.AddDays(14).UtcDateTime, Builders.Now.AddDays(14).AddMinutes(-30).UtcDateTime, BookingState.Booked);
        foreach (var kind in Enum.GetValues<PassportQueue.Web.Data.Records.OutboxKind>().Where(k => k is not (PassportQueue.Web.Data.Records.OutboxKind.BallotNotDrawn or PassportQueue.Web.Data.Records.OutboxKind.BallotOffer
            or PassportQueue.Web.Data.Records.OutboxKind.TurnNear or PassportQueue.Web.Data.Records.OutboxKind.Called
            or PassportQueue.Web.Data.Records.OutboxKind.BookingChoices or PassportQueue.Web.Data.Records.OutboxKind.DateChoices)))
        {
            AssertBoth(c => NotificationWriter.Text(kind, booking, Bogor, c));
        }

        AssertBoth(c => ReplyWriter.Write(new ChoiceExpired(), Bogor, Builders.Now, c));
        AssertBoth(c => NotificationWriter.Turn(PassportQueue.Web.Data.Records.OutboxKind.TurnNear, new CallNotice(12, null), Bogor, c));
        AssertBoth(c => NotificationWriter.Turn(PassportQueue.Web.Data.Records.OutboxKind.Called, new CallNotice(12, "Loket 2"), Bogor, c));

        AssertBoth(c => NotificationWriter.Offer(
            new OfferNotice("BGR", new DateOnly(2026, 12, 15), booking.SlotStartUtc, booking.CheckInDeadlineUtc, Builders.Now.AddHours(2).UtcDateTime, "E-7K3M9QX2WD"), Bogor, c));
        foreach (var state in Enum.GetValues<PassportQueue.Web.Data.Records.OfferState>())
        {
            AssertBoth(c => Localized($"OfferState_{state}", c));
        }

        foreach (var result in Enum.GetValues<PassportQueue.Web.Ballot.VoidResult>())
        {
            AssertBoth(c => Localized($"Void_{result}", c));
        }

        foreach (var allocation in Enum.GetValues<PassportQueue.Core.Offices.Allocation>())
        {
            AssertBoth(c => Localized($"Allocation_{allocation}", c));
        }

        foreach (var state in Enum.GetValues<PassportQueue.Web.Data.Records.BallotDrawState>())
        {
            AssertBoth(c => Localized($"DrawState_{state}", c));
        }

        foreach (var result in Enum.GetValues<PassportQueue.Core.Ballot.DrawResult>())
        {
            AssertBoth(c => Localized($"DrawResult_{result}", c));
        }
    }

    [Fact]
    public void EveryRingAndApplicantAllyTextHasItsTextInBothLanguages()
    {
        AssertBoth(c => ReplyWriter.Write(new ReportReceived(12), Bogor, Builders.Now, c));
        var day = new DateOnly(2026, 12, 2);
        var slot = new DateTime(2026, 12, 2, 1, 0, 0, DateTimeKind.Utc);
        foreach (var standing in new QueueStanding[]
        {
            new("BGR-7K3M9QX2", day.AddDays(1), BookingState.Booked, slot.AddDays(1), slot.AddDays(1).AddMinutes(-30), null, null, null),
            new("BGR-7K3M9QX2", day, BookingState.Booked, slot, slot.AddMinutes(-30), null, null, null),
            new("BGR-7K3M9QX2", day, BookingState.Arrived, slot, slot.AddMinutes(-30), 4, 2, null),
            new("BGR-7K3M9QX2", day, BookingState.Arrived, slot, slot.AddMinutes(-30), 4, null, "Loket 1"),
            new("BGR-7K3M9QX2", day, BookingState.Completed, slot, slot.AddMinutes(-30), 4, null, "Loket 1"),
        })
        {
            AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [standing], []), Bogor, Builders.Now, c));
            AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [standing], [new CounterServing("Loket 1", 3)]), Bogor, Builders.Now, c));
        }

        AssertBoth(c => ReplyWriter.Write(new QueueAnswered(day, [], []), Bogor, Builders.Now, c));
        foreach (var standing in Enum.GetValues<CodeStanding>())
        {
            AssertBoth(c => ReplyWriter.Write(new CodeChecked("BGR-7K3M9QX2", standing, "Kantor Imigrasi Bogor", new DateOnly(2026, 12, 2)), Bogor, Builders.Now, c));
        }

        foreach (var kind in Enum.GetValues<PassportQueue.Core.Rings.SignalKind>())
        {
            AssertBoth(c => Localized($"Signal_{kind}", c));
            AssertBoth(c => On(c, () => Dashboard[$"SignalText_{kind}", "2026-12-01", "4", "3", "2"].Value));
        }

        foreach (var kind in Enum.GetValues<PassportQueue.Core.Rings.NodeKind>())
        {
            AssertBoth(c => Localized($"Node_{kind}", c));
        }

        foreach (var decision in Enum.GetValues<PassportQueue.Core.Rings.RingDecision>())
        {
            AssertBoth(c => Localized($"RingDecision_{decision}", c));
        }

        foreach (var entry in Enum.GetValues<CodeEntry>())
        {
            AssertBoth(c => Localized($"CodeEntry_{entry}", c));
        }

        foreach (var check in Enum.GetValues<PassportQueue.Core.Integrity.IntegrityCheck>())
        {
            AssertBoth(c => Localized($"Integrity_{check}", c));
        }

        foreach (var alarm in Enum.GetValues<PassportQueue.Core.Integrity.IntegrityAlarm>().Where(a => a != PassportQueue.Core.Integrity.IntegrityAlarm.None))
        {
            AssertBoth(c => Localized($"Integrity_Alarm_{alarm}", c));
        }
    }
}
