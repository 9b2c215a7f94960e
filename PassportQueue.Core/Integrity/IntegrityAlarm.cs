namespace PassportQueue.Core.Integrity;

/// <summary>Why an officer's rate of a check is marked, if it is.</summary>
public enum IntegrityAlarm
{
    /// <summary>Not marked.</summary>
    None = 0,

    /// <summary>More than twice the office's rate (needs other officers to compare with).</summary>
    AboveOfficeAverage = 1,

    /// <summary>At or above the absolute threshold set for the check, whatever the office does (one officer alone too).</summary>
    AboveThreshold = 2,

    /// <summary>Both.</summary>
    Both = 3,
}
