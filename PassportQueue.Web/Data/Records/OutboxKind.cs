namespace PassportQueue.Web.Data.Records;

/// <summary>Messages the office sends without being asked.</summary>
public enum OutboxKind
{
    /// <summary>The code was forfeited: the applicant did not arrive in time.</summary>
    Forfeited = 0,

    /// <summary>The day before the appointment.</summary>
    Reminder = 1,
}
