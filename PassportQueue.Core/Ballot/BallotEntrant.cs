namespace PassportQueue.Core.Ballot;

/// <summary>One entry as the draw sees it: a pseudonymous id, a weight and a group. Nothing personal.</summary>
/// <param name="EntryId">The entry's public id, e.g. <c>E-7K3M9QX2</c>.</param>
/// <param name="Weight">1 + the draws the person entered and lost in a row, capped.</param>
/// <param name="Priority">Whether the entrant is a balita or lansia, who draw for the priority places first.</param>
public sealed record BallotEntrant(string EntryId, int Weight, bool Priority);

/// <summary>An entry's place in the draw order and what it won.</summary>
/// <param name="Entrant">The entry.</param>
/// <param name="Rank">1 for the highest key.</param>
/// <param name="Key">ln(u) / weight.</param>
/// <param name="Result">Drawn for a place, or not.</param>
public sealed record RankedEntrant(BallotEntrant Entrant, int Rank, double Key, DrawResult Result);

/// <summary>What the draw gave an entry.</summary>
public enum DrawResult
{
    /// <summary>Drawn for a place.</summary>
    Won = 0,

    /// <summary>Not drawn; waits in draw order for a freed place.</summary>
    NotDrawn = 1,
}
