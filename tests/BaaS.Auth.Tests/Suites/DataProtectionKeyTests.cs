using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BaaS.Auth.Tests.Infrastructure;
using BaaS.Client;
using BaaS.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BaaS.Auth.Tests.Suites;

/// <summary>
/// With a certificate configured, the data-protection keys in the database are encrypted (no key in plain XML), and an
/// app restarted on the same database and certificate still reads them: links and payloads made before the restart work.
/// </summary>
public abstract class DataProtectionKeyTests(TestDatabaseKind kind) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baas-dp-keys-").FullName;
    private readonly string _password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
    private readonly string _jwtSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly CapturingEmailSender _emails = new();
    private TestDatabase _database = null!;
    private string _certificatePath = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(kind, "auth_tests");
        await using var factory = _database.CreateFactory();
        await new Migrator(factory, AuthMigrations.Types).RunAsync();
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=baas-key-encryption-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificatePath = Path.Combine(_folder, "keys.pfx");
        await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pkcs12, _password));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<TestServer> StartAsync(bool withCertificate) => TestServer.StartAsync(o =>
    {
        o.EnvironmentName = "Production";
        o.Database = _database;
        o.FollowRedirects = false;
        o.Configuration["Auth:Jwt:Secret"] = _jwtSecret;
        if (withCertificate)
        {
            o.Configuration["Auth:DataProtection:CertificatePath"] = _certificatePath;
            o.Configuration["Auth:DataProtection:CertificatePassword"] = _password;
        }
        o.BaaS += b => b.ServiceName = "KeyTests";
        o.ConfigureServices += s => s.AddSingletonEmail(_emails);
        o.ConfigureBuilder += b => b.Services.AddBaaSAuth(b.Configuration.GetSection("Auth"), a => a.PasswordHashIterations = 1_000);
    });

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var factory = _database.CreateFactory();
        await using var db = await factory.OpenAsync();
        return [.. (await db.SelectAsync<BaaSDataProtectionKey>()).Select(k => k.Xml)];
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_and_read_back_after_a_restart()
    {
        string protectedPayload;
        await using (var first = await StartAsync(withCertificate: true))
        {
            using var client = new JsonApiClient(first.BaseUrl);
            await client.SendAsync(new Register { Email = "keys@example.com", Password = "a long password" });
            protectedPayload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Protect("made before the restart");
            Assert.True(first.Logs.Contains("encrypted at rest with certificate", LogLevel.Information));
            Assert.False(first.Logs.Contains("unencrypted", LogLevel.Warning));
        }

        var keys = await StoredKeysAsync();
        Assert.NotEmpty(keys);
        foreach (var xml in keys)
        {
            Assert.DoesNotContain("masterKey", xml);
            Assert.Contains("EncryptedData", xml);
        }

        // A new process on the same database and certificate: what the first one made still opens.
        await using var second = await StartAsync(withCertificate: true);
        Assert.Equal("made before the restart", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tests").Unprotect(protectedPayload));
        var link = new Uri(_emails.Last("keys@example.com", "confirm-email").Link!);
        var query = QueryHelpers.ParseQuery(link.Query);
        using var client2 = new JsonApiClient(second.BaseUrl);
        var confirmed = await client2.ApiAsync(new ConfirmEmail { UserId = query["userId"], Token = query["token"] });
        Assert.True(confirmed.Succeeded, confirmed.ErrorMessage);
        Assert.Equal(keys.Count, (await StoredKeysAsync()).Count); // read, not replaced by a new key
    }

    [Fact]
    public async Task Production_without_a_certificate_warns_that_keys_are_stored_unencrypted()
    {
        await using var server = await StartAsync(withCertificate: false);
        Assert.True(server.Logs.Contains("stored in the database unencrypted", LogLevel.Warning));
    }
}

public sealed class SqliteDataProtectionKeyTests() : DataProtectionKeyTests(TestDatabaseKind.SqliteFile);

public sealed class PostgreSqlDataProtectionKeyTests() : DataProtectionKeyTests(TestDatabaseKind.PostgreSql);

/// <summary>The key certificate's settings fail startup with instructions when they cannot work; Development needs none.</summary>
public class DataProtectionKeySettingsTests
{
    private static Dictionary<string, string?> Settings(string? path = null, string? password = null) => new()
    {
        ["Auth:Jwt:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Auth:DataProtection:CertificatePath"] = path,
        ["Auth:DataProtection:CertificatePassword"] = password,
    };

    [Fact]
    public async Task A_missing_certificate_file_fails_startup_naming_the_setting()
    {
        // Checked with the other auth settings, before anything is written.
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => MiniServer.StartAsync("Production", Settings("/nowhere/keys.pfx", "x")));
        Assert.Contains("/nowhere/keys.pfx' does not exist", error.Message);
        Assert.Contains("Auth:DataProtection:CertificatePath", error.Message);
    }

    [Fact]
    public async Task Development_without_a_certificate_does_not_warn()
    {
        await using var server = await MiniServer.StartAsync("Development", Settings());
        Assert.False(server.Logs.Contains("stored in the database unencrypted", LogLevel.Warning));
    }
}
