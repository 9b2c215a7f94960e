namespace PassportQueue.Core.Audit;

/// <summary>Who caused a change: an applicant's number, a staff member, or the system itself.</summary>
public readonly record struct Actor
{
    private Actor(string value) => Value = value;

    /// <summary>The stored form: <c>wa:+62…</c>, <c>staff:name@office</c> or <c>system</c>.</summary>
    public string Value { get; }

    /// <summary>The system acting on its own (deadlines, automatic flags).</summary>
    public static Actor System { get; } = new("system");

    /// <summary>An applicant writing from a number.</summary>
    public static Actor Applicant(string e164) => new($"wa:{e164}");

    /// <summary>A signed-in staff member.</summary>
    public static Actor Staff(string userName) => new($"staff:{userName}");

    /// <inheritdoc />
    public override string ToString() => Value ?? "system";
}
