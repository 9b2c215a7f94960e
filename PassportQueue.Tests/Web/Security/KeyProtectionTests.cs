namespace PassportQueue.Tests.Web.Security;

public sealed class KeyProtectionTests
{
    [Fact]
    public async Task EncryptsTheKeysWithTheConfiguredCertificate()
    {
        var logs = new CapturedLogs();
        await using var app = new AppFactory { Logs = logs };
        using var client = app.CreateClient();
        _ = await client.GetAsync("/account/login");

        var key = await File.ReadAllTextAsync(Directory.GetFiles(app.KeysPath, "key-*.xml").Single());
        Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("unencrypted form", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WritesKeysUnencryptedOnlyInAFolderClosedToOtherUsersWhenThatIsTheChoice()
    {
        var logs = new CapturedLogs();
        await using var app = new AppFactory(new Dictionary<string, string?>
        {
            ["DataProtection:Certificate:Path"] = string.Empty,
            ["DataProtection:KeysAtRest"] = "FolderPermissionsOnly",
        }) { Logs = logs };
        using var client = app.CreateClient();
        _ = await client.GetAsync("/account/login");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, new DirectoryInfo(app.KeysPath).UnixFileMode);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("No XML encryptor configured", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RefusesToStartInProductionWithoutAChoice()
    {
        await using var app = new AppFactory(new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = string.Empty });

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("DataProtection:Certificate:Path", failure.ToString(), StringComparison.Ordinal);
    }
}
