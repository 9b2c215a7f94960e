namespace PassportQueue.Core.Audit;

/// <summary>
/// A reason given by the system, kept as its code and values (<c>~Code|value|…</c>) instead of a
/// sentence, and rendered in the reader's language. <see cref="TryRead"/> tells it apart from a
/// reason a person typed, which is shown as typed.
/// </summary>
public readonly record struct SystemReason
{
    /// <summary>The first character of a stored system reason; a typed reason starting with it is stored escaped.</summary>
    public const char Marker = '~';

    private const char Separator = '|';

    private SystemReason(ReasonCode code, IReadOnlyList<string> values)
    {
        Code = code;
        Values = values;
    }

    /// <summary>Which reason.</summary>
    public ReasonCode Code { get; }

    /// <summary>The values the reason's text shows, in order.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>A reason with its values.</summary>
    public static SystemReason Of(ReasonCode code, params string[] values) => new(code, values);

    /// <summary>The stored form.</summary>
    public string Stored => Marker + string.Join(Separator, [Code.ToString(), .. Values.Select(v => v.Replace(Separator, '/'))]);

    /// <summary>Reads a stored reason; false for one a person typed (or an older free-text one).</summary>
    public static bool TryRead(string? stored, out SystemReason reason)
    {
        reason = default;
        if (stored is not [Marker, ..])
        {
            return false;
        }

        var parts = stored[1..].Split(Separator);
        if (!Enum.TryParse<ReasonCode>(parts[0], ignoreCase: false, out var code) || !Enum.IsDefined(code))
        {
            return false;
        }

        reason = new SystemReason(code, parts[1..]);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Stored;
}
