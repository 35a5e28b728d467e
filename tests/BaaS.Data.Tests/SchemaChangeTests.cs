using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

/// <summary>Growing a table in a migration: a column added to rows that exist, with its default, key and index.</summary>
public abstract class SchemaChangeTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    [Alias("grow_parent")]
    public class Parent
    {
        [AutoIncrement] public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    [Alias("grow_child")]
    public class ChildV1
    {
        [AutoIncrement] public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    /// <summary>The same table, later: three more columns.</summary>
    [Alias("grow_child")]
    public class ChildV2
    {
        [AutoIncrement] public int Id { get; set; }
        public string Name { get; set; } = "";
        [Default("new")] public string Status { get; set; } = "";
        [References(typeof(Parent)), Index] public int? ParentId { get; set; }
        public decimal? Price { get; set; }
    }

    [Fact]
    public async Task Added_columns_give_existing_rows_their_default_and_enforce_their_foreign_key()
    {
        await using var db = await Fixture.OpenAsync();
        await db.DropTableIfExistsAsync<ChildV1>();
        await db.DropTableIfExistsAsync<Parent>();
        await db.CreateTableAsync<Parent>();
        await db.CreateTableAsync<ChildV1>();
        await db.InsertAsync(new ChildV1 { Name = "before" });

        await db.AddColumnAsync<ChildV2>(nameof(ChildV2.Status));
        await db.AddColumnAsync<ChildV2>(nameof(ChildV2.ParentId));
        await db.AddColumnAsync<ChildV2>(nameof(ChildV2.Price));
        Assert.True(await db.ColumnExistsAsync<ChildV2>(nameof(ChildV2.ParentId)));

        var before = Assert.Single(await db.SelectAsync<ChildV2>());
        Assert.Equal("new", before.Status);
        Assert.Null(before.ParentId);

        var parentId = (int)await db.InsertAsync(new Parent { Name = "p" });
        await db.InsertAsync(new ChildV2 { Name = "after", Status = "set", ParentId = parentId, Price = 1.25m });
        Assert.Equal(1.25m, (await db.SingleAsync<ChildV2>(c => c.Name == "after"))!.Price);
        await Assert.ThrowsAsync<ForeignKeyConstraintException>(() => db.InsertAsync(new ChildV2 { Name = "orphan", ParentId = 999_999 }));

        await db.DropColumnAsync<ChildV2>(nameof(ChildV2.Price));
        Assert.False(await db.ColumnExistsAsync<ChildV2>(nameof(ChildV2.Price)));
        Assert.Equal(2, await db.CountAsync<ChildV1>());
    }

    [Fact]
    public async Task Adding_a_not_null_column_without_a_default_is_refused_before_touching_the_table()
    {
        await using var db = await Fixture.OpenAsync();
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => db.AddColumnAsync<ChildV2>(nameof(ChildV2.Name)));
        Assert.Contains("[Default]", error.Message);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public class SqliteFileSchemaChangeTests(SqliteFileDatabaseFixture fixture) : SchemaChangeTests(fixture);

[Collection(PostgresCollection.Postgres)]
public class PostgresSchemaChangeTests(PostgresDatabaseFixture fixture) : SchemaChangeTests(fixture);
