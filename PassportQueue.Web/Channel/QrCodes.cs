using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PassportQueue.Core.Bookings;
using QRCoder;

namespace PassportQueue.Web.Channel;

/// <summary>
/// The QR code of a booking code, as the confirmation carries it and the counter scans it
/// (<see cref="CounterInput.QrContent"/>). Served at <c>/qr/{token}</c> from the app's public address:
/// the token is the code encrypted and signed with the data-protection keys (unguessable, and
/// nobody can make one for another code) and expires a day after the code's check-in deadline.
/// </summary>
public sealed class QrCodes(IDataProtectionProvider protection, TimeProvider time)
{
    /// <summary>Where the images are served.</summary>
    public const string Path = "/qr";

    private readonly IDataProtector _protector = protection.CreateProtector("PassportQueue.QrCodes.v1");

    /// <summary>The address of a code's image under <paramref name="baseUrl"/>, valid until <paramref name="expiresUtc"/> (by the app's clock).</summary>
    public string UrlOf(string baseUrl, BookingCode code, DateTime expiresUtc) =>
        $"{baseUrl.TrimEnd('/')}{Path}/{_protector.Protect($"{code.Value}|{expiresUtc.Ticks.ToString(CultureInfo.InvariantCulture)}")}.png";

    /// <summary>The code a token was made for, or null for a token that is forged, damaged or expired.</summary>
    public BookingCode? Read(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token.EndsWith(".png", StringComparison.Ordinal) ? token[..^4] : token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        return payload.Split('|') is [var text, var ticks]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().UtcDateTime.Ticks < expires
            && BookingCode.TryParse(text, out var code)
                ? code
                : null;
    }

    /// <summary>The PNG image of a code's QR code.</summary>
    public static byte[] Png(BookingCode code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(CounterInput.QrContent(code), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
