namespace BaaS.NativeTypes.Tests;

/// <summary>One server per test class.</summary>
public sealed class ServerFixture : TestServerFixture
{
    protected override void Configure(TestServerOptions options) => NativeTypesTestServer.Configure(options);
}
