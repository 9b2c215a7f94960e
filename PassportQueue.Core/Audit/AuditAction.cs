namespace PassportQueue.Core.Audit;

/// <summary>Every kind of change the audit trail records.</summary>
public enum AuditAction
{
    /// <summary>A booking code was issued.</summary>
    Booked = 0,

    /// <summary>The applicant checked in on time.</summary>
    Arrived = 1,

    /// <summary>Documents accepted.</summary>
    Completed = 2,

    /// <summary>Documents incomplete; sent back.</summary>
    Returned = 3,

    /// <summary>The code was forfeited (late or no-show).</summary>
    Forfeited = 4,

    /// <summary>A number was flagged.</summary>
    Flagged = 5,

    /// <summary>A flag was cleared.</summary>
    FlagCleared = 6,

    /// <summary>A number was blacklisted.</summary>
    Blacklisted = 7,

    /// <summary>A blacklist was lifted.</summary>
    BlacklistLifted = 8,

    /// <summary>A number got its owner (the first adult booked from it).</summary>
    OwnerRegistered = 9,

    /// <summary>Office settings changed.</summary>
    OfficeSettingsChanged = 10,

    /// <summary>A staff account's role or office changed.</summary>
    StaffAccessChanged = 11,

    /// <summary>A staff account was disabled.</summary>
    StaffDisabled = 12,

    /// <summary>A staff account was enabled again (or unlocked).</summary>
    StaffEnabled = 13,

    /// <summary>Someone signed in to the dashboard.</summary>
    SignedIn = 14,

    /// <summary>A sign-in was refused (wrong password, unknown account, locked out, disabled).</summary>
    SignInRefused = 15,

    /// <summary>A staff member enrolled an authenticator app: the second factor is on.</summary>
    TwoFactorEnabled = 16,

    /// <summary>An admin reset a staff member's second factor (a lost phone): a new app is enrolled at the next sign-in.</summary>
    TwoFactorReset = 17,

    /// <summary>A booking's personal data (name, birth date, address, number) was pseudonymised by the retention.</summary>
    Pseudonymised = 18,

    /// <summary>An applicant entered a day's draw.</summary>
    Entered = 19,

    /// <summary>A day's draw ran: its entries got their ranks and results, its winners their bookings.</summary>
    Drawn = 20,

    /// <summary>A supervisor voided a booking before its day (a blacklisted number's); its code is kept.</summary>
    Voided = 21,

    /// <summary>A freed place was offered to the next entrant in the draw order.</summary>
    PlaceOffered = 22,

    /// <summary>An offer of a freed place ran out without a <c>YA</c>.</summary>
    OfferExpired = 23,

    /// <summary>A supervisor decided that a number in a ring of signals is not a scalper's (the ring's other numbers may be blacklisted).</summary>
    RingCleared = 24,

    /// <summary>A counter called an arrived applicant.</summary>
    Called = 25,

    /// <summary>A counter called its applicant again.</summary>
    Recalled = 26,

    /// <summary>A counter skipped its applicant (did not answer the call), with a reason.</summary>
    Skipped = 27,
}
