namespace PassportQueue.Core.Offices;

/// <summary>How an office gives out the places of a day.</summary>
public enum Allocation
{
    /// <summary>Whoever's message comes first gets the place.</summary>
    FirstCome = 0,

    /// <summary>
    /// Each day is released at <see cref="OfficeSettings.ReleaseTime"/> on the day it enters the booking window;
    /// messages in the entry period are entries, and a draw at its end allots the places.
    /// </summary>
    Ballot = 1,
}
