namespace PassportQueue.Web.Data.Records;

/// <summary>A balita or lansia registered from a number that is not their own; counted against the number's limit.</summary>
public sealed class PhoneDependant
{
    public string Number { get; set; } = string.Empty;

    public string PersonKey { get; set; } = string.Empty;
}
