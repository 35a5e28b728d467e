using BaaS.Tool;

namespace BaaS.NativeTypes.Tests;

/// <summary>The options header: what it lists, how options sent back change the output, and the baas tool replaying it.</summary>
public class OptionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Theory]
    [InlineData("/types/typescript", "/* Options:", "//ExportAsTypes: False")]
    [InlineData("/types/csharp", "/* Options:", "//GlobalNamespace:")]
    [InlineData("/types/python", "\"\"\" Options:", "//ClientModule: baas_client")]
    public async Task Each_file_opens_with_its_options_commented_out(string path, string opening, string languageOption)
    {
        var text = await Server.Http.GetTextAsync(path);
        Assert.StartsWith(opening + "\nDate: ", text, StringComparison.Ordinal);
        Assert.Contains("\nBaseUrl: " + Server.BaseUrl + "\n", text);
        Assert.Contains("\n" + languageOption + "\n", text);
        Assert.Contains("\n//IncludeTypes:\n//ExcludeTypes:\n", text);
    }

    [Fact]
    public async Task IncludeTypes_with_dot_star_keeps_a_request_and_everything_it_uses()
    {
        var text = await Server.Http.GetTextAsync("/types/typescript?IncludeTypes=GetPointsPage.*");
        Assert.Contains("\nIncludeTypes: GetPointsPage.*\n", text);
        Assert.Contains("export class GetPointsPage", text);
        Assert.Contains("export class PointsPage extends Page<Point>", text);
        Assert.Contains("export class Page<T>", text);
        Assert.Contains("export class Point\n", text);
        Assert.DoesNotContain("export class Restaurant", text);
        Assert.DoesNotContain("export class EchoShapes", text);
    }

    [Fact]
    public async Task ExcludeTypes_and_prefixes_leave_types_out()
    {
        var text = await Server.Http.GetTextAsync("/types/python?ExcludeTypes=Query*,Ping");
        Assert.Contains("\nExcludeTypes: Query*,Ping\n", text);
        Assert.DoesNotContain("class QueryRestaurants", text);
        Assert.DoesNotContain("class QueryBase", text);
        Assert.DoesNotContain("class Ping", text);
        Assert.Contains("class CreateRestaurant(", text);
    }

    [Fact]
    public async Task Language_options_change_the_output_and_stand_uncommented()
    {
        var cs = await Server.Http.GetTextAsync("/types/csharp?GlobalNamespace=My.Dtos&MakePartial=false&AddNullableAnnotations=false");
        Assert.Contains("\nGlobalNamespace: My.Dtos\nMakePartial: false\n", cs);
        Assert.Contains("namespace My.Dtos;", cs);
        Assert.Contains("#nullable disable", cs);
        Assert.Contains("public class Point\n", cs);
        Assert.Contains("public string Label { get; set; }", cs);
        var ts = await Server.Http.GetTextAsync("/types/typescript?ExportAsTypes=true&AddDescriptionAsComments=false");
        Assert.Contains("export interface Point\n{\n    x: number;", ts);
        Assert.DoesNotContain("@description", ts);
        Assert.DoesNotContain("getTypeName", ts);
    }

    [Fact]
    public async Task The_baas_tool_adds_a_reference_then_updates_it_from_its_own_header()
    {
        var folder = Directory.CreateTempSubdirectory("baas-tool-").FullName;
        try
        {
            using var http = new HttpClient();
            var output = new StringWriter();
            var error = new StringWriter();

            #region snippet:baas-tool-add
            var exit = await BaasTool.RunAsync(["ts", Server.BaseUrl], output, error, http, folder, CancellationToken.None);
            #endregion
            Assert.True(exit == 0, error.ToString());
            var file = Path.Combine(folder, "dtos.ts");
            Assert.Contains("export class QueryRestaurants", await File.ReadAllTextAsync(file));

            // Un-comment an option in the header, as a developer would, and update from the file alone.
            var edited = (await File.ReadAllTextAsync(file)).Replace("//IncludeTypes:", "IncludeTypes: GetStock.*", StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, edited);
            Assert.Equal(0, await BaasTool.RunAsync(["ts", "dtos.ts"], output, error, http, folder, CancellationToken.None));
            var updated = await File.ReadAllTextAsync(file);
            Assert.Contains("\nIncludeTypes: GetStock.*\n", updated);
            Assert.Contains("export class StockReport", updated);
            Assert.DoesNotContain("export class QueryRestaurants", updated);

            // `baas ts` alone updates every generated TypeScript file in the folder.
            await File.WriteAllTextAsync(Path.Combine(folder, "other.ts"), "export const x = 1;\n");
            Assert.Equal(0, await BaasTool.RunAsync(["ts"], output, error, http, folder, CancellationToken.None));
            Assert.Equal("export const x = 1;\n", await File.ReadAllTextAsync(Path.Combine(folder, "other.ts")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_update_leaves_the_file_as_it_was_and_exits_non_zero()
    {
        var folder = Directory.CreateTempSubdirectory("baas-tool-").FullName;
        try
        {
            using var http = new HttpClient();
            var error = new StringWriter();
            Assert.Equal(0, await BaasTool.RunAsync(["py", Server.BaseUrl, "api.py"], TextWriter.Null, error, http, folder, CancellationToken.None));
            var file = Path.Combine(folder, "api.py");
            var original = (await File.ReadAllTextAsync(file)).Replace("//ClientModule: baas_client", "ClientModule: not a module", StringComparison.Ordinal);
            await File.WriteAllTextAsync(file, original);

            Assert.Equal(1, await BaasTool.RunAsync(["py", "api.py"], TextWriter.Null, error, http, folder, CancellationToken.None));
            Assert.Equal(original, await File.ReadAllTextAsync(file));
            Assert.Contains("ClientModule 'not a module' is not a Python module name", error.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_header_parser_reads_base_url_and_uncommented_options_only()
    {
        var header = DtoHeader.Parse("/* Options:\nDate: 2026-01-01 00:00:00\nVersion: 1.0.0\nTip: x\nBaseUrl: https://api.example.org/\n\n" +
                                     "//GlobalNamespace: A\nMakePartial: False\nIncludeTypes: GetOrder.*,Order\n//ExcludeTypes:\n*/\nclass X {}\n");
        Assert.Equal("https://api.example.org", header.BaseUrl);
        Assert.Equal(["MakePartial", "IncludeTypes"], header.Options.Select(o => o.Key));
        Assert.Equal("https://api.example.org/types/csharp?MakePartial=False&IncludeTypes=GetOrder.%2A%2COrder", header.UrlFor("csharp"));
        Assert.Throws<FormatException>(() => DtoHeader.Parse("export class X {}\n"));
    }
}
