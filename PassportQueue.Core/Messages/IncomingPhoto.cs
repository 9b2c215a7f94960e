namespace PassportQueue.Core.Messages;

/// <summary>An e-KTP photo that came with a message, already encrypted for storage; stored with its message in one write.</summary>
/// <param name="ContentType">The image type (jpeg, png or webp).</param>
/// <param name="Encrypted">The encrypted image.</param>
/// <param name="SizeBytes">The image's size before encryption.</param>
/// <param name="PerceptualHash">The image's perceptual hash (<see cref="Rings.PhotoHash"/>), for the same-photo signal; null when it could not be decoded.</param>
public sealed record IncomingPhoto(string ContentType, byte[] Encrypted, int SizeBytes, ulong? PerceptualHash = null);
