using System.Text.Json;

namespace BaaS.Files.Tests;

/// <summary>Locations from configuration, and settings that fail startup with a message saying what to do.</summary>
public class StartupTests
{
    [Fact]
    public async Task A_location_from_configuration_is_registered_with_its_rules()
    {
        await using var server = await TestServer.StartAsync(o =>
        {
            o.Configuration["Files:TempPath"] = Path.Combine(Path.GetTempPath(), "baas-files-tests", Guid.NewGuid().ToString("N"));
            o.Configuration["Files:LocalPath"] = Path.Combine(Path.GetTempPath(), "baas-files-tests", Guid.NewGuid().ToString("N"));
            o.Configuration["Files:Locations:reports:PathTemplate"] = "reports/{Guid}.{ext}";
            o.Configuration["Files:Locations:reports:AllowedTypes"] = "application/pdf, text/csv";
            o.Configuration["Files:Locations:reports:MaxBytes"] = "1000";
            o.Configuration["Files:Locations:reports:Read"] = "owner,roles:Ops,Audit";
            o.Configuration["Files:Locations:reports:Write"] = "roles:Ops";
            o.ConfigureServices += s => s.AddFiles();
        });
        using var document = JsonDocument.Parse(await server.Http.GetStringAsync("/metadata/app.json"));
        var reports = document.RootElement.GetProperty("plugins").GetProperty("files").GetProperty("locations").EnumerateArray().Single();
        Assert.Equal("reports", reports.GetProperty("name").GetString());
        Assert.Equal(["application/pdf", "text/csv"], reports.GetProperty("allowedTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1000, reports.GetProperty("maxBytes").GetInt64());
        Assert.Equal("owner,roles:Ops,Audit", reports.GetProperty("read").GetString());
        Assert.Equal("roles:Ops", reports.GetProperty("write").GetString());
    }

    [Fact]
    public async Task A_bad_rule_in_configuration_fails_startup_naming_the_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(o =>
        {
            o.Configuration["Files:Locations:reports:Read"] = "everyone";
            o.ConfigureServices += s => s.AddFiles();
        }));
        Assert.Contains("Files:Locations:reports:Read", Flatten(error));
    }

    [Fact]
    public async Task Variants_without_the_images_module_fail_startup_saying_what_to_add()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(o =>
            o.ConfigureServices += s => s.AddFiles(f => f.Locations.Add(new FileLocation("photos") { Variants = [new ImageVariant("thumb", 100, 100)] }))));
        Assert.Contains("AddFileImageVariants", Flatten(error));
    }

    [Fact]
    public async Task Production_refuses_a_private_location_without_a_signing_key()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(o =>
        {
            o.EnvironmentName = "Production";
            o.ConfigureServices += s => s.AddFiles(f => f.Locations.Add(new FileLocation("private") { Read = FileAccessRule.Owner }));
        }));
        Assert.Contains("Files:SigningKey", Flatten(error));
    }

    [Fact]
    public async Task Production_refuses_plain_http_s3_to_another_machine_and_test_keys()
    {
        foreach (var (url, key) in new[] { ("http://storage.example.com", "AKIAREALKEY"), ("https://storage.example.com", "S3RVER") })
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(o =>
            {
                o.EnvironmentName = "Production";
                o.Configuration["Files:S3:ServiceUrl"] = url;
                o.Configuration["Files:S3:Bucket"] = "files";
                o.Configuration["Files:S3:AccessKey"] = key;
                o.Configuration["Files:S3:SecretKey"] = key;
                o.ConfigureBuilder += b => b.Services.AddFiles().AddFilesS3(b.Configuration, b.Environment);
            }));
            Assert.Contains("Files:S3", Flatten(error));
        }
    }

    private static string Flatten(Exception error)
    {
        var text = new System.Text.StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException) text.AppendLine(e.Message);
        if (error is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) text.AppendLine(Flatten(inner));
        return text.ToString();
    }
}
