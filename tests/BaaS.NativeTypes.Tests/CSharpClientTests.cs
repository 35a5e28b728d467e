namespace BaaS.NativeTypes.Tests;

/// <summary>
/// /types/csharp built by dotnet into a project that references BaaS.Interfaces alone, then used by a program with
/// BaaS.Client against the live server.
/// </summary>
public class CSharpClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Folder => Path.Combine(Repo.Programs, "csharp");

    [Fact]
    public async Task Generated_classes_build_against_the_contract_alone_and_a_program_signs_in_crud_queries_validates_and_refreshes()
    {
        var dtos = await fixture.Server.Http.GetTextAsync("/types/csharp?GlobalNamespace=NativeClient.Dtos");
        Assert.Contains("GlobalNamespace: NativeClient.Dtos", dtos);
        await File.WriteAllTextAsync(Path.Combine(Folder, "Dtos", "dtos.cs"), dtos);

        var build = await Repo.RunAsync("dotnet", ["build", Path.Combine("Client", "Client.csproj"), "-c", Repo.Configuration, "-nologo", "-v", "q"], Folder);
        Assert.True(build.ExitCode == 0, build.ToString());

        await ClientPrograms.RunAsync(fixture.Server, "dotnet", [Path.Combine("Client", "bin", Repo.Configuration, "net10.0", "Client.dll")], Folder);
    }
}
