namespace BaaS.NativeTypes.Tests;

/// <summary>/types/typescript compiled by the real tsc and sent by @servicestack/client 2.1.13 under node.</summary>
public class TypeScriptClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Folder => Path.Combine(Repo.Programs, "typescript");

    [Fact]
    public async Task Generated_classes_compile_with_tsc_and_JsonServiceClient_api_signs_in_crud_queries_validates_and_refreshes()
    {
        Repo.RequireNodeModules();
        var dtos = await fixture.Server.Http.GetTextAsync("/types/typescript");
        await File.WriteAllTextAsync(Path.Combine(Folder, "dtos.ts"), dtos);

        var tsc = await Repo.RunAsync("node", [Path.Combine(Repo.NodeModules, "typescript", "bin", "tsc"), "-p", "."], Folder);
        Assert.True(tsc.ExitCode == 0, tsc.ToString());

        await ClientPrograms.RunAsync(fixture.Server, "node", [Path.Combine("out", "main.js")], Folder);
    }
}
