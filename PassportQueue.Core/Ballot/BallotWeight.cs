namespace PassportQueue.Core.Ballot;

/// <summary>How bad luck carries into the next draw, at any office.</summary>
public static class BallotWeight
{
    /// <summary>1 + the draws entered and lost in a row, at most <paramref name="cap"/>.</summary>
    public static int Of(int lostInARow, int cap) => Math.Clamp(1 + lostInARow, 1, Math.Max(1, cap));

    /// <summary>The losses in a row after a draw: a loss counts one more; a win resets them (as a booking or a forfeit does).</summary>
    public static int After(int lostInARow, DrawResult result) => result == DrawResult.Won ? 0 : lostInARow + 1;
}
