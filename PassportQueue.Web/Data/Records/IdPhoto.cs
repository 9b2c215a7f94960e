namespace PassportQueue.Web.Data.Records;

/// <summary>
/// A photo of an applicant's e-KTP, encrypted at rest, keyed by the message that brought it (a
/// booking keeps that message's id). The image is removed a set number of days after the
/// booking ends; the row stays as a record that it existed.
/// </summary>
public sealed class IdPhoto
{
    public string MessageId { get; set; } = string.Empty;

    public int OfficeId { get; set; }

    public string Phone { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    /// <summary>The image, encrypted with ASP.NET Core data protection; null once deleted.</summary>
    public byte[]? Encrypted { get; set; }

    public int SizeBytes { get; set; }

    /// <summary>The image's perceptual hash (<see cref="Core.Rings.PhotoHash"/>), for the same-photo signal; kept when the image is deleted. Null when it could not be decoded.</summary>
    public long? PerceptualHash { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime? DeletedAtUtc { get; set; }
}
