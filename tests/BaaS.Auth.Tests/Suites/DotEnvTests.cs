using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BaaS.Auth.Tests.Suites;

/// <summary>The .env loader: the file format, and its place between appsettings and the real environment.</summary>
public sealed class DotEnvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("baas-dotenv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_names_in_environment_form_quotes_escapes_comments_and_export()
    {
        var path = Write("""
            # a comment
            Auth__Jwt__Secret=abc123==
            export Auth__Admin__Email = admin@example.com
            QUOTED="two words # not a comment\nnext line"
            SINGLE='as $written\n'
            INLINE=value # a comment
            EMPTY=

            """);
        var configuration = new ConfigurationBuilder().AddDotEnvFile(path).Build();
        Assert.Equal("abc123==", configuration["Auth:Jwt:Secret"]);
        Assert.Equal("admin@example.com", configuration["Auth:Admin:Email"]);
        Assert.Equal("two words # not a comment\nnext line", configuration["QUOTED"]);
        Assert.Equal("as $written\\n", configuration["SINGLE"]);
        Assert.Equal("value", configuration["INLINE"]);
        Assert.Equal("", configuration["EMPTY"]);
    }

    [Fact]
    public void A_malformed_line_fails_naming_the_file_and_line()
    {
        var path = Write("GOOD=1\nno equals sign here\n");
        var error = Assert.Throws<FormatException>(() => new ConfigurationBuilder().AddDotEnvFile(path).Build());
        Assert.Contains(".env:2", error.Message);
    }

    [Theory]
    [InlineData("AUTH JWT SECRET=abc\n", "'AUTH JWT SECRET'")]
    [InlineData("GOOD=1\nAuth__Jwt__Secret =x\nBad-Name=2\n", "'Bad-Name'")]
    [InlineData("1ST=x\n", "'1ST'")]
    public void A_name_that_is_not_a_variable_name_fails_naming_it_and_its_line(string text, string named)
    {
        var path = Write(text);
        var error = Assert.Throws<FormatException>(() => new ConfigurationBuilder().AddDotEnvFile(path).Build());
        Assert.Contains(named, error.Message);
        Assert.Contains(".env:", error.Message);
    }

    [Fact]
    public void A_missing_file_is_fine_unless_required()
    {
        var path = Path.Combine(_folder, "missing.env");
        Assert.Null(new ConfigurationBuilder().AddDotEnvFile(path).Build()["ANY"]);
        Assert.Throws<FileNotFoundException>(() => new ConfigurationBuilder().AddDotEnvFile(path, optional: false).Build());
    }

    [Fact]
    public void The_file_wins_over_appsettings_and_loses_to_real_environment_variables()
    {
        var variable = "BAASDOTENV" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), $$$"""{"{{{variable}}}":{"FromJson":"json","FromFile":"json","FromEnvironment":"json"}}""");
        Write($"{variable}__FromFile=file\n{variable}__FromEnvironment=file\n");
        Environment.SetEnvironmentVariable($"{variable}__FromEnvironment", "environment");
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = _folder, EnvironmentName = "Development" });
            builder.Configuration.AddDotEnvFile(Path.Combine(builder.Environment.ContentRootPath, ".env"));
            Assert.Equal("json", builder.Configuration[$"{variable}:FromJson"]);
            Assert.Equal("file", builder.Configuration[$"{variable}:FromFile"]);
            Assert.Equal("environment", builder.Configuration[$"{variable}:FromEnvironment"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{variable}__FromEnvironment", null);
        }
    }
}
