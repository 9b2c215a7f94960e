namespace PassportQueue.Core.Messages;

/// <summary>Keyword commands an applicant can send instead of a booking.</summary>
public enum Command
{
    /// <summary>BANTUAN / HELP, and any text that is neither a booking nor a command.</summary>
    Help = 0,

    /// <summary>CEK / STATUS: my active bookings.</summary>
    Status = 1,

    /// <summary>SYARAT: documents to bring.</summary>
    Documents = 2,

    /// <summary>BATAL: a booking code cannot be cancelled, and why.</summary>
    Cancel = 3,

    /// <summary>HILANG / RUSAK: lost or damaged passports are not served through this channel.</summary>
    LostOrDamaged = 4,

    /// <summary><c>YA</c>: accepts a freed place offered from a draw's waiting order.</summary>
    Accept = 5,

    /// <summary><c>LAPOR &lt;text&gt;</c>: an applicant reports a scalper's offer or number, for supervisors.</summary>
    Report = 6,

    /// <summary><c>KODE &lt;code&gt;</c>: whether a booking code is genuine, for which office and date, without personal data.</summary>
    VerifyCode = 7,

    /// <summary><c>ANTREAN</c>: on the appointment day, the applicant's queue number, how many are ahead, and what is served now.</summary>
    QueueStatus = 8,
}
