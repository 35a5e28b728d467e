namespace BaaS.NativeTypes.Tests;

/// <summary>/types/python with the standard-library client in clients/python, run by the real python3.</summary>
public class PythonClientTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static string Folder => Path.Combine(Repo.Programs, "python");

    [Fact]
    public async Task Generated_dataclasses_compile_and_a_program_signs_in_crud_queries_validates_and_refreshes()
    {
        var dtos = await fixture.Server.Http.GetTextAsync("/types/python");
        await File.WriteAllTextAsync(Path.Combine(Folder, "dtos.py"), dtos);

        var compile = await Repo.RunAsync("python3", ["-m", "py_compile", "dtos.py", "main.py"], Folder);
        Assert.True(compile.ExitCode == 0, compile.ToString());

        await ClientPrograms.RunAsync(fixture.Server, "python3", ["main.py"], Folder,
            new Dictionary<string, string> { ["PYTHONPATH"] = Path.Combine(Repo.Root, "clients", "python"), ["PYTHONDONTWRITEBYTECODE"] = "1" });
    }
}
