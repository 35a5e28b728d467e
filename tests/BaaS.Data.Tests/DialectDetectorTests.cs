using BaaS.Data.PostgreSQL;
using BaaS.Data.Sqlite;

namespace BaaS.Data.Tests;

/// <summary>Which database a connection string is: each dialect recognises its own; anything else fails naming the setting.</summary>
public sealed class DialectDetectorTests : IDisposable
{
    private const string Setting = "ConnectionStrings:DefaultConnection";
    private static readonly DialectProvider[] Both = [PostgreSqlDialect.Instance, SqliteDialect.Instance];
    private readonly string _root = Path.Combine(Path.GetTempPath(), "baas-detect-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("Host=localhost;Database=app;Username=app;Password=secret")]
    [InlineData("host=db.internal;port=5433;database=app")]
    [InlineData("Server=10.0.0.5;Database=app")]
    public void PostgreSQL_strings_name_a_host(string connectionString)
    {
        var db = DialectDetector.Detect(connectionString, Setting, _root, Both);
        Assert.Same(PostgreSqlDialect.Instance, db.Dialect);
        Assert.Equal(connectionString, db.ConnectionString);
        Assert.False(db.IsEmbedded);
    }

    [Theory]
    [InlineData("Data Source=App_Data/app.db")]
    [InlineData("DataSource=App_Data/app.db;Cache=Shared")]
    [InlineData("Filename=App_Data/app.db")]
    [InlineData("App_Data/app.db")]
    public void SQLite_strings_and_file_paths_are_files_under_the_base_directory(string connectionString)
    {
        var db = DialectDetector.Detect(connectionString, Setting, _root, Both);
        Assert.Same(SqliteDialect.Instance, db.Dialect);
        Assert.Equal(Path.Combine(_root, "App_Data/app.db"), db.File);
        Assert.False(db.InMemory);
    }

    [Fact]
    public void An_absolute_file_path_stays_where_it_is()
    {
        var file = Path.Combine(_root, "data", "shop.sqlite3");
        var db = DialectDetector.Detect(file, Setting, "/somewhere/else", Both);
        Assert.Same(SqliteDialect.Instance, db.Dialect);
        Assert.Equal(file, db.File);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared")]
    public void In_memory_SQLite_has_no_file(string connectionString)
    {
        var db = DialectDetector.Detect(connectionString, Setting, _root, Both);
        Assert.Same(SqliteDialect.Instance, db.Dialect);
        Assert.True(db.InMemory);
        Assert.Null(db.File);
    }

    [Fact]
    public async Task A_detected_SQLite_file_opens_once_its_folder_is_made()
    {
        var db = DialectDetector.Detect("App_Data/nested/app.db", Setting, _root, Both).EnsureFolder();
        using var factory = db.CreateFactory();
        await using var connection = await factory.OpenAsync();
        Assert.Equal(1L, await connection.SqlScalarAsync<long>("SELECT 1"));
        Assert.True(File.Exists(db.File));
    }

    [Theory]
    [InlineData("just some words")]
    [InlineData("myserver")]
    [InlineData("Color=blue;Size=9")]
    [InlineData("postgres://app:secret@localhost/app")]
    public void Garbage_fails_naming_the_setting_and_never_echoes_the_string(string connectionString)
    {
        var e = Assert.Throws<InvalidOperationException>(() => DialectDetector.Detect(connectionString, Setting, _root, Both));
        Assert.StartsWith(Setting + " is not a connection string of a database this app can use (PostgreSQL, SQLite).", e.Message, StringComparison.Ordinal);
        Assert.Contains("Data Source=App_Data/app.db", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connectionString, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_setting_fails_naming_it(string? connectionString)
    {
        var e = Assert.Throws<InvalidOperationException>(() => DialectDetector.Detect(connectionString, Setting, _root, Both));
        Assert.StartsWith(Setting + " is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_of_both_forms_is_refused_as_ambiguous()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DialectDetector.Detect("Host=db;Data Source=app.db", Setting, _root, Both));
        Assert.Contains("could be a connection string of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recognised_string_with_a_bad_keyword_says_which_database_refused_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DialectDetector.Detect("Host=db;Colour=blue", Setting, _root, Both));
        Assert.StartsWith(Setting + " is a PostgreSQL connection string that PostgreSQL cannot use", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_dialects_given_are_asked()
    {
        var e = Assert.Throws<InvalidOperationException>(() => DialectDetector.Detect("Host=db;Database=app", Setting, _root, SqliteDialect.Instance));
        Assert.Contains("(SQLite)", e.Message, StringComparison.Ordinal);
    }
}
