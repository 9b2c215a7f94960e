using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PassportQueue.Web.Security;

/// <summary>
/// How the data-protection keys (they encrypt e-KTP photos and sign sign-in cookies) are kept at rest:
/// encrypted with the certificate of <c>DataProtection:Certificate:Path</c> (a PFX, with
/// <c>DataProtection:Certificate:Password</c>), or, as an explicit choice,
/// <c>DataProtection:KeysAtRest=FolderPermissionsOnly</c>: unencrypted in a folder only the service's
/// user may read. Outside Development one of the two must be configured: the app does not start otherwise.
/// </summary>
public static class KeyProtection
{
    public const string FolderPermissionsOnly = "FolderPermissionsOnly";

    public static IDataProtectionBuilder ProtectKeysAtRest(
        this IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment, DirectoryInfo keys)
    {
        if (configuration["DataProtection:Certificate:Path"] is { Length: > 0 } path)
        {
            return dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"], X509KeyStorageFlags.EphemeralKeySet));
        }

        if (!environment.IsDevelopment() && configuration["DataProtection:KeysAtRest"] != FolderPermissionsOnly)
        {
            throw new InvalidOperationException(
                "The data-protection keys need protecting at rest: set DataProtection:Certificate:Path (and :Password) to a PFX certificate, " +
                $"or choose DataProtection:KeysAtRest={FolderPermissionsOnly} (keys unencrypted in a folder only this service's user can read).");
        }

        // The choice is made (or this is Development): keys are written as they are, in a folder closed to other users.
        keys.Create();
        if (!OperatingSystem.IsWindows())
        {
            keys.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        dataProtection.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new NullXmlEncryptor());
        return dataProtection;
    }
}
