using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PassportQueue.Core.Retention;

namespace PassportQueue.Web.Operations;

/// <summary>
/// The deployment's pseudonym key: <c>Retention:PseudonymKey</c> (base64, at least 32 bytes) when
/// configured, else made once and kept beside the data-protection keys, encrypted by them
/// (<c>pseudonym-key.bin</c>; every node shares that folder, so every node gets the same key).
/// Lose it and pseudonymised people no longer match when they come back; back it up with the keys.
/// </summary>
public static class PseudonymKey
{
    public const string Setting = "Retention:PseudonymKey";
    public const string FileName = "pseudonym-key.bin";
    private const string Purpose = "PassportQueue.Pseudonyms.v1";

    public static IServiceCollection AddPseudonyms(this IServiceCollection services, IConfiguration configuration, string keysFolder) =>
        services.AddSingleton(sp => new Pseudonyms(Load(configuration[Setting], keysFolder, sp.GetService<IDataProtectionProvider>())));

    /// <summary>The key from configuration, or from the keys folder, made there first if it is not there yet.</summary>
    public static byte[] Load(string? configured, string keysFolder, IDataProtectionProvider? protection)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : throw new InvalidOperationException($"{Setting} must hold at least 32 bytes (base64).");
        }

        var protector = (protection ?? throw new InvalidOperationException($"Without data protection, {Setting} must be configured."))
            .CreateProtector(Purpose);
        var path = Path.Combine(keysFolder, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keysFolder);
            var fresh = Path.Combine(keysFolder, $"{FileName}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(fresh, protector.Protect(RandomNumberGenerator.GetBytes(32)));
            try
            {
                // Atomic: of two nodes starting at once, one key is kept and both read it.
                File.Move(fresh, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(fresh);
            }
        }

        return protector.Unprotect(File.ReadAllBytes(path));
    }
}

/// <summary>Registers the retention: its options, the pseudonym key and the pseudonymiser.</summary>
public static class RetentionServiceExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration, string keysFolder)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddPseudonyms(configuration, keysFolder);
        services.AddSingleton<Pseudonymiser>();
        return services;
    }
}
