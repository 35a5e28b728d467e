using System.Text.Json;
using BaaS.Client;

namespace BaaS.Ui.Tests.Database;

/// <summary>
/// The database page withholds secrets: a password hash or a secret column is marked hidden, its values never leave the
/// server (a null stays null, so an admin still sees which rows have one), and it cannot be filtered or sorted on.
/// </summary>
public abstract class HiddenColumnTests<TFixture>(TFixture fixture) where TFixture : DatabaseFixture
{
    [Fact]
    public async Task Secret_columns_are_marked_and_their_values_withheld()
    {
        using var client = fixture.CreateClient(DatabaseFixture.Admin);
        var tables = await client.GetAsync(new AdminQueryTables());
        var account = Assert.Single(tables.Results, t => t.Name == "account");
        Assert.Equal(["password_hash", "api_secret"], account.Columns.Where(c => c.IsHidden).Select(c => c.Name));

        var rows = await client.GetAsync(new AdminQueryTableRows { Table = "account", OrderBy = "id" });
        var json = JsonSerializer.Serialize(rows);
        Assert.DoesNotContain("E-hash", json, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", json, StringComparison.Ordinal);
        var first = rows.Results[0].Select(v => v is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : null).ToList();
        Assert.Equal(["ada@example.com", "(hidden)", "(hidden)"], first.Skip(1));
        Assert.All(rows.Results[1].Skip(2), v => Assert.True(v is null or JsonElement { ValueKind: JsonValueKind.Null }));
    }

    [Theory]
    [InlineData("FilterColumn")]
    [InlineData("OrderBy")]
    public async Task A_hidden_column_cannot_be_probed_by_filter_or_order(string field)
    {
        using var client = fixture.CreateClient(DatabaseFixture.Admin);
        var request = field == "OrderBy"
            ? new AdminQueryTableRows { Table = "account", OrderBy = "-password_hash" }
            : new AdminQueryTableRows { Table = "account", FilterColumn = "PASSWORD_HASH", FilterValue = "AQAAAAIAAYagAAAAE-hash" };
        var error = await Assert.ThrowsAsync<WebServiceException>(() => client.GetAsync(request));
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("HiddenColumn", error.ErrorCode);
        Assert.Equal(field, Assert.Single(error.ResponseStatus!.Errors!).FieldName);
    }
}

public sealed class SqliteHiddenColumnTests(SqliteDatabaseFixture fixture)
    : HiddenColumnTests<SqliteDatabaseFixture>(fixture), IClassFixture<SqliteDatabaseFixture>;

public sealed class PostgreSqlHiddenColumnTests(PostgreSqlDatabaseFixture fixture)
    : HiddenColumnTests<PostgreSqlDatabaseFixture>(fixture), IClassFixture<PostgreSqlDatabaseFixture>;

/// <summary>The column patterns: <c>*</c> for any run, ignoring case, whole names only; no input makes them slow.</summary>
public sealed class HiddenColumnPatternTests
{
    [Theory]
    [InlineData("*password*", "password_hash", true)]
    [InlineData("*password*", "PASSWORD", true)]
    [InlineData("*_hash", "key_hash", true)]
    [InlineData("*_hash", "hash_key", false)]
    [InlineData("baas_user_token.value", "BAAS_USER_TOKEN.VALUE", true)]
    [InlineData("baas_user_token.value", "baas_user_token.value2", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("", "", true)]
    [InlineData("*", "anything", true)]
    public void Patterns_match_whole_names(string pattern, string name, bool matches) =>
        Assert.Equal(matches, BaaS.Ui.Database.HiddenColumns.Matches(pattern, name));

    [Fact]
    public void A_long_name_against_many_stars_is_answered()
    {
        var name = new string('a', 20_000);
        Assert.False(BaaS.Ui.Database.HiddenColumns.Matches("*a*a*a*a*a*a*a*a*b", name));
        Assert.True(BaaS.Ui.Database.HiddenColumns.Matches("*a*a*a*a*a*a*a*a*", name));
    }
}
