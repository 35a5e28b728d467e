namespace BaaS.Tests.Fixtures;

/// <summary>One Development server of the suite, serving <see cref="StandardServer.Services"/>, shared by the tests of a class.</summary>
public class StandardServerFixture : TestServerFixture
{
    /// <inheritdoc />
    protected override void Configure(TestServerOptions options)
    {
        StandardServer.Configure(options);
        options.ServiceTypes.AddRange(StandardServer.Services);
    }
}
