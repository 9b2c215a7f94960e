namespace PassportQueue.Web.Data.Records;

/// <summary>Messages the office sends without being asked.</summary>
public enum OutboxKind
{
    /// <summary>The code was forfeited: the applicant did not arrive in time.</summary>
    Forfeited = 0,

    /// <summary>The day before the appointment.</summary>
    Reminder = 1,

    /// <summary>Drawn in the ballot: the booking's code, slot, be-there-by time and documents.</summary>
    BallotWon = 2,

    /// <summary>Not drawn in the ballot: told, with the next release.</summary>
    BallotNotDrawn = 3,

    /// <summary>A freed place offered from the draw order: reply YA in time to take it.</summary>
    BallotOffer = 4,

    /// <summary>Checked in and few are ahead (<see cref="Core.Offices.OfficeSettings.NotifyWhenAhead"/>): stay near the counters.</summary>
    TurnNear = 5,

    /// <summary>Called to a counter: go there now.</summary>
    Called = 6,

    /// <summary>After a booking, buttons for CEK, SYARAT and ANTREAN (Content API, <c>Twilio:Content:AfterBooking</c>).</summary>
    BookingChoices = 7,

    /// <summary>After a refusal for a full or closed day, the next dates with places as buttons (<c>Twilio:Content:NextDates1..3</c>).</summary>
    DateChoices = 8,
}
