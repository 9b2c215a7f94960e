namespace PassportQueue.Web.Ballot;

/// <summary>What a draw did.</summary>
public sealed record DrawDone(string OfficeCode, DateOnly Date, int Entrants, int Places, int Winners, int Booked);
