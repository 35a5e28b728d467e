using Microsoft.Extensions.DependencyInjection;

namespace BaaS.NativeTypes.Tests;

/// <summary>Runs a client program against the live server: it signs in, works, and refreshes an expired token.</summary>
public static class ClientPrograms
{
    public static readonly string[] Steps =
        ["ok anonymous-refused", "ok signed-in", "ok created 3", "ok queried", "ok patched", "ok deleted", "ok validation", "ok shapes", "ok refreshed", "done"];

    public static async Task RunAsync(TestServer server, string file, IEnumerable<string> args, string workingDirectory,
        IDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["BAAS_BASE_URL"] = server.BaseUrl,
            ["BAAS_USER"] = NativeFixtures.Auth.TokenStore.UserName,
            ["BAAS_PASSWORD"] = NativeFixtures.Auth.TokenStore.Password,
        };
        var tokens = server.Services.GetRequiredService<NativeFixtures.Auth.TokenStore>();
        var refreshesBefore = tokens.Refreshes;
        var result = await Repo.RunAsync(file, args, workingDirectory, env, async (line, stdin) =>
        {
            if (line != "waiting-for-expiry") return;
            tokens.ExpireAccessTokens();
            await stdin.WriteLineAsync("go");
            await stdin.FlushAsync();
        }, TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        foreach (var step in Steps)
            Assert.True(lines.Any(l => l.StartsWith(step, StringComparison.Ordinal)), $"missing '{step}':\n{result}");
        Assert.True(tokens.Refreshes > refreshesBefore, "the program's client never called GetAccessToken");
    }
}
