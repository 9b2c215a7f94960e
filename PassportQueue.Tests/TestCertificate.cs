using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PassportQueue.Tests;

/// <summary>A self-signed certificate made once per test run, that protects the apps' data-protection keys as a deployment's would.</summary>
internal static class TestCertificate
{
    public const string Password = "test-certificate-password";

    private static readonly Lazy<string> File = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PassportQueue test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pq-test-keys-{Environment.ProcessId}.pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    });

    /// <summary>The PFX file.</summary>
    public static string Path => File.Value;
}
