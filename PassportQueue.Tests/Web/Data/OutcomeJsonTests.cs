using PassportQueue.Core.Bookings;
using PassportQueue.Core.Messages;
using PassportQueue.Web.Data;

namespace PassportQueue.Tests.Web.Data;

public sealed class OutcomeJsonTests
{
    public static TheoryData<MessageOutcome> Outcomes() => new()
    {
        new BookingConfirmed(new BookingView(
            "BGR-7K3M9QX2", "BGR", "BUDI", new DateOnly(1987, 1, 25), AgeGroup.Adult, true, new DateOnly(2026, 12, 2), 3,
            new DateTime(2026, 12, 2, 2, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc), BookingState.Booked)),
        new BookingRefused(RefusalReason.DayFull, [new DateOnly(2026, 12, 3)]),
        new BookingRefused(RefusalReason.PersonHasActiveBooking, [], "BGR-7K3M9QX2"),
        new FormatRejected(ParseProblem.WrongFieldCount, 2),
        new CommandAnswered(Command.Documents, []),
        new NotAccepted(NotAcceptedReason.InvalidSender),
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void ReadsBackEveryStoredOutcomeAsItWasWritten(MessageOutcome outcome)
    {
        var read = OutcomeJson.Read(OutcomeJson.Write(outcome));

        Assert.Equal(OutcomeJson.Write(outcome), OutcomeJson.Write(read));
        Assert.Equal(outcome.GetType(), read.GetType());
    }
}
