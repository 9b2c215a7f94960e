namespace PassportQueue.Core.Audit;

/// <summary>
/// Reasons the system itself gives for a change, stored as codes with their values so that each
/// reader sees them in their own language. Reasons typed by staff are stored as they were typed.
/// </summary>
public enum ReasonCode
{
    /// <summary>The first adult booked from a number became its owner.</summary>
    FirstAdultOnNumber = 0,

    /// <summary>A booking made by an incoming message; value: the message id.</summary>
    BookedByMessage = 1,

    /// <summary>Checked in; value: the queue number given.</summary>
    QueueNumber = 2,

    /// <summary>A code not checked in before its deadline.</summary>
    Late = 3,

    /// <summary>Blacklisted automatically; value: the number's no-shows.</summary>
    NoShows = 4,

    /// <summary>A number tried to book someone the rules refuse it; value: the name written.</summary>
    TriedToBook = 5,

    /// <summary>The person already holds a booking from another number; value: that number, masked.</summary>
    AlreadyBookedFrom = 6,

    /// <summary>A no-show flag; value: the forfeited code.</summary>
    ForfeitedCode = 8,

    /// <summary>Office settings changed; values: what changed, and how many already opened days took the new quota.</summary>
    SettingsChanged = 9,

    /// <summary>A flag raised without further evidence; value: the <c>FlagReason</c>.</summary>
    FlagReason = 10,

    /// <summary>A staff account's access; values: the account, its role, its office (empty for all).</summary>
    StaffAccess = 11,

    /// <summary>A sign-in; values: the client address, and why it was refused (empty when it succeeded).</summary>
    SignIn = 12,

    /// <summary>Personal data pseudonymised by the retention; value: the days it was kept after the booking ended.</summary>
    Retention = 13,

    /// <summary>An entry in a draw; values: the entry's code, the day drawn for (yyyy-MM-dd), its weight.</summary>
    BallotEntry = 14,

    /// <summary>A draw; values: the day (yyyy-MM-dd), entrants, places, winners, the commitment, the seed.</summary>
    BallotDraw = 15,

    /// <summary>A booking made by a draw; values: the entry's code, its rank.</summary>
    DrawnBooking = 16,

    /// <summary>A freed place offered or taken; values: the entry's code, its rank, the voided booking's code.</summary>
    FreedPlace = 17,

    /// <summary>Checked in; values: the queue number given, and how the code was entered (<c>Typed</c> or <c>Scanned</c>).</summary>
    CheckedIn = 18,

    /// <summary>A ring decision; values: the ring's id, and the decision (<c>Blacklist</c> or <c>Clear</c>); the supervisor's reason follows.</summary>
    RingDecision = 19,

    /// <summary>A counter's call; values: the counter, the queue number, and a typed reason (a skip's).</summary>
    CounterCall = 20,
}
