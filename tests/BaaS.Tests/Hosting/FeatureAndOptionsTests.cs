using BaaS.Hosting;
using BaaS.NativeTypes;
using BaaS.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Tests.Hosting;

/// <summary>Features register once; options are validated at start and cannot change after it.</summary>
public class FeatureAndOptionsTests
{
    [Fact]
    public async Task Options_that_cannot_work_fail_startup_naming_each_option()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StandardServer.StartAsync(o => o.BaaS += b =>
        {
            b.MaxBatchSize = 0;
            b.ApiBasePath = "api";
        }));
        Assert.Contains("BaaSOptions.MaxBatchSize is 0", e.Message);
        Assert.Contains("BaaSOptions.ApiBasePath 'api'", e.Message);
    }

    [Fact]
    public async Task Options_are_frozen_once_the_app_has_started()
    {
        await using var host = await StandardServer.StartAsync();
        var options = host.App.Services.GetRequiredService<IOptions<BaaSOptions>>().Value;
        var name = Assert.Throws<InvalidOperationException>(() => options.ServiceName = "Changed");
        Assert.Contains("cannot change after the app has started", name.Message);
        var list = Assert.Throws<InvalidOperationException>(() => options.ServiceTypes.Add(typeof(EchoServices)));
        Assert.Contains("BaaSOptions.ServiceTypes", list.Message);
        Assert.Equal("TestApp", options.ServiceName);
    }

    [Fact]
    public void A_feature_added_twice_fails_naming_it_and_builtin_adders_are_idempotent()
    {
        var services = new ServiceCollection();
        services.AddNativeTypes().AddNativeTypes();
        Assert.Single(services, d => d.ImplementationInstance is NativeTypesFeature);
        var e = Assert.Throws<InvalidOperationException>(() => services.AddBaaSFeature(new NativeTypesFeature()));
        Assert.Contains("'nativeTypes' is added twice", e.Message);
    }

    [Fact]
    public async Task Without_a_feature_its_endpoints_and_plugins_entry_are_absent()
    {
        await using var bare = await StandardServer.StartAsync();
        using var types = await bare.Http.GetAsync("/types/typescript");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, types.StatusCode);
        // Only what AddBaaS turns on by default: the rate limits, and the cache they count in.
        Assert.Equal(["cache", "rateLimits"], bare.App.Services.GetRequiredService<BaaSHost>().Metadata.Plugins.Keys);

        await using var withTypes = await StandardServer.StartAsync(o => o.ConfigureServices += s => s.AddNativeTypes());
        Assert.Contains("export class", await withTypes.Http.GetStringAsync("/types/typescript"));
        Assert.Equal(["cache", "rateLimits", "nativeTypes"], withTypes.App.Services.GetRequiredService<BaaSHost>().Metadata.Plugins.Keys);
    }

    [Fact]
    public void Hosting_and_routing_name_no_feature()
    {
        // Every feature the framework ships, wherever it lives in src/: adding one must not need an edit in the core.
        var root = Repo.Root;
        var features = Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"class (\w+) : BaaSFeature\b").Select(m => m.Groups[1].Value))
            .ToList();
        Assert.Contains("NativeTypesFeature", features);
        Assert.Contains("AuthFeature", features);
        Assert.Contains("JobsFeature", features);

        var offenders = new[] { "Hosting", "Routing" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(root, "src", "BaaS", folder), "*.cs"))
            .SelectMany(file => features.Where(f => File.ReadAllText(file).Contains(f, StringComparison.Ordinal)).Select(f => $"{Path.GetFileName(file)} names {f}"))
            .ToList();
        Assert.Empty(offenders);
    }
}
