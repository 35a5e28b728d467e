namespace BaaS.Data.Tests;

public abstract class TypeRoundTripTests(TestDatabaseFixture fixture) : DataTestBase(fixture)
{
    internal static AllTypes Sample() => new()
    {
        Int = int.MinValue, Long = long.MaxValue, Short = short.MinValue, Byte = 255, Bool = true, Text = "héllo 'world'",
        Money = 79228162514264337593543950335m, Double = Math.PI, Float = 1.5f,
        // microsecond precision: PostgreSQL keeps microseconds, SQLite keeps ticks (docs/data.md)
        When = new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234560),
        WhenOffset = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(5.5)),
        Day = new DateOnly(1999, 12, 31), Time = new TimeOnly(23, 1, 2).Add(TimeSpan.FromTicks(1230)), Span = TimeSpan.FromHours(-30.5),
        Guid = Guid.NewGuid(), Color = Color.Blue, Priority = Priority.Urgent, ColorAsInt = Color.Green,
        Bytes = [0, 1, 2, 255, 0],
        Address = new Address { Street = "Main \"1\"", City = "Zürich", Tags = ["a", "b"] },
        Addresses = [new Address { City = "A" }, new Address { City = "B" }],
        Counts = new Dictionary<string, int> { ["x"] = 1, ["y"] = -2 },
        AddressArray = [new Address { City = "Arr" }],
        NInt = 5, NLong = -5, NShort = 3, NByte = 7, NBool = false, NText = "", NMoney = 0.0000000001m, NDouble = -0.5, NFloat = 2f,
        NWhen = DateTime.UnixEpoch, NWhenOffset = DateTimeOffset.UnixEpoch, NDay = DateOnly.MinValue, NTime = TimeOnly.MinValue,
        NSpan = TimeSpan.Zero, NGuid = Guid.Empty, NColor = Color.Red, NPriority = Priority.Low, NBytes = [], NAddress = new Address(),
    };

    [Fact]
    public void Every_type_round_trips_unchanged()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        var row = Sample();
        db.Insert(row);
        var back = db.SingleById<AllTypes>(row.Id)!;

        Assert.Equal(row.Int, back.Int);
        Assert.Equal(row.Long, back.Long);
        Assert.Equal(row.Short, back.Short);
        Assert.Equal(row.Byte, back.Byte);
        Assert.Equal(row.Bool, back.Bool);
        Assert.Equal(row.Text, back.Text);
        Assert.Equal(row.Money, back.Money);
        Assert.Equal(row.Double, back.Double);
        Assert.Equal(row.Float, back.Float);
        Assert.Equal(row.When, back.When);
        Assert.Equal(DateTimeKind.Utc, back.When.Kind);
        Assert.Equal(row.WhenOffset.UtcDateTime, back.WhenOffset.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, back.WhenOffset.Offset);
        Assert.Equal(row.Day, back.Day);
        Assert.Equal(row.Time.Ticks / 10 * 10, back.Time.Ticks / 10 * 10);
        Assert.Equal(row.Span, back.Span);
        Assert.Equal(row.Guid, back.Guid);
        Assert.Equal(row.Color, back.Color);
        Assert.Equal(row.Priority, back.Priority);
        Assert.Equal(row.ColorAsInt, back.ColorAsInt);
        Assert.Equal(row.Bytes, back.Bytes);
        Assert.Equal("Main \"1\"", back.Address.Street);
        Assert.Equal("Zürich", back.Address.City);
        Assert.Equal(["a", "b"], back.Address.Tags);
        Assert.Equal(["A", "B"], back.Addresses.Select(a => a.City));
        Assert.Equal(row.Counts, back.Counts);
        Assert.Equal("Arr", Assert.Single(back.AddressArray).City);

        Assert.Equal(row.NInt, back.NInt);
        Assert.Equal(row.NLong, back.NLong);
        Assert.Equal(row.NShort, back.NShort);
        Assert.Equal(row.NByte, back.NByte);
        Assert.Equal(row.NBool, back.NBool);
        Assert.Equal(row.NText, back.NText);
        Assert.Equal(row.NMoney, back.NMoney);
        Assert.Equal(row.NDouble, back.NDouble);
        Assert.Equal(row.NFloat, back.NFloat);
        Assert.Equal(row.NWhen, back.NWhen);
        Assert.Equal(row.NWhenOffset, back.NWhenOffset);
        Assert.Equal(row.NDay, back.NDay);
        Assert.Equal(row.NTime, back.NTime);
        Assert.Equal(row.NSpan, back.NSpan);
        Assert.Equal(row.NGuid, back.NGuid);
        Assert.Equal(row.NColor, back.NColor);
        Assert.Equal(row.NPriority, back.NPriority);
        Assert.Equal(row.NBytes, back.NBytes);
        Assert.NotNull(back.NAddress);
    }

    [Fact]
    public void Nullable_fields_round_trip_null()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        var row = new AllTypes { NText = null, NAddress = null, NBytes = null };
        db.Insert(row);
        var back = db.SingleById<AllTypes>(row.Id)!;
        Assert.Null(back.NInt);
        Assert.Null(back.NLong);
        Assert.Null(back.NShort);
        Assert.Null(back.NByte);
        Assert.Null(back.NBool);
        Assert.Null(back.NText);
        Assert.Null(back.NMoney);
        Assert.Null(back.NDouble);
        Assert.Null(back.NFloat);
        Assert.Null(back.NWhen);
        Assert.Null(back.NWhenOffset);
        Assert.Null(back.NDay);
        Assert.Null(back.NTime);
        Assert.Null(back.NSpan);
        Assert.Null(back.NGuid);
        Assert.Null(back.NColor);
        Assert.Null(back.NPriority);
        Assert.Null(back.NBytes);
        Assert.Null(back.NAddress);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.0000000001")]
    [InlineData("1234567.891")]
    [InlineData("0.1")]
    [InlineData("1.50")]
    [InlineData("0")]
    public void Decimal_round_trips_exactly_with_its_scale(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        using var db = Open();
        Reset<DecimalRow>(db);
        var row = new DecimalRow { Amount = value };
        db.Insert(row);
        var back = db.SingleById<DecimalRow>(row.Id)!;
        Assert.Equal(value, back.Amount);
        Assert.Equal(text, back.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Decimal_comparison_ordering_sum_and_avg_are_numeric_and_exact()
    {
        using var db = Open();
        Reset<DecimalRow>(db);
        decimal[] values = [10m, 9.5m, 100m, 0.1m, 0.2m, -3m, 1234567.891m];
        db.InsertAll(values.Select(v => new DecimalRow { Amount = v }));

        // Text comparison would say "9.5" > "100" and "10" < "9.5".
        Assert.Equal([100m, 1234567.891m, 10m], db.Select<DecimalRow>(x => x.Amount >= 10m).Select(x => x.Amount).OrderBy(x => x == 100m ? 0 : x == 1234567.891m ? 1 : 2));
        Assert.Equal(values.Order(), db.Select(db.From<DecimalRow>().OrderBy(x => x.Amount)).Select(x => x.Amount));
        Assert.Equal(values.Sum(), db.Scalar<DecimalRow, decimal>(x => Sql.Sum(x.Amount)));
        Assert.Equal(1234567.891m, db.Scalar<DecimalRow, decimal>(x => Sql.Max(x.Amount)));
        Assert.Equal(-3m, db.Scalar<DecimalRow, decimal>(x => Sql.Min(x.Amount)));
        Assert.Equal(0.3m, db.Scalar<DecimalRow, decimal>(x => Sql.Sum(x.Amount), x => x.Amount < 1m && x.Amount > 0m));
        // AVG divides: exact to the database's division precision (PostgreSQL picks about 20 significant digits).
        Assert.Equal(Math.Round(values.Average(), 12), Math.Round(db.Scalar<DecimalRow, decimal>(x => Sql.Avg(x.Amount)), 12));
        Assert.Equal(2, db.Count<DecimalRow>(x => x.Amount == 10.0m || x.Amount == 9.50m));
    }

    [Fact]
    public void Local_DateTime_is_stored_as_UTC_and_unspecified_is_taken_as_UTC()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        var local = new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Unspecified);
        var a = new AllTypes { When = local, NWhen = unspecified };
        db.Insert(a);
        var back = db.SingleById<AllTypes>(a.Id)!;
        Assert.Equal(local.ToUniversalTime(), back.When);
        Assert.Equal(DateTimeKind.Utc, back.When.Kind);
        Assert.Equal(DateTime.SpecifyKind(unspecified, DateTimeKind.Utc), back.NWhen);
        Assert.Equal(DateTimeKind.Utc, back.NWhen!.Value.Kind);
    }

    [Fact]
    public void DateTimeOffset_keeps_the_instant_and_reads_back_at_offset_zero()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        var plus = new DateTimeOffset(2024, 1, 1, 0, 30, 0, TimeSpan.FromHours(2));
        var minus = new DateTimeOffset(2023, 12, 31, 20, 0, 0, TimeSpan.FromHours(-3));
        db.InsertAll(new[] { new AllTypes { WhenOffset = plus }, new AllTypes { WhenOffset = minus } });
        var rows = db.Select(db.From<AllTypes>().OrderBy(x => x.WhenOffset));
        Assert.Equal([plus.UtcDateTime, minus.UtcDateTime], rows.Select(r => r.WhenOffset.UtcDateTime));
        Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.WhenOffset.Offset));
        Assert.Single(db.Select<AllTypes>(x => x.WhenOffset > plus));
    }

    [Fact]
    public void Enums_are_stored_as_names_by_default_and_as_numbers_with_EnumAsInt()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        db.Insert(new AllTypes { Color = Color.Green, Priority = Priority.High, ColorAsInt = Color.Blue });
        Assert.Equal("Green", db.SqlScalar<string>("select color from all_types"));
        Assert.Equal(2, db.SqlScalar<int>("select priority from all_types"));
        Assert.Equal(2, db.SqlScalar<int>("select color_as_int from all_types"));
        Assert.Single(db.Select<AllTypes>(x => x.Color == Color.Green && x.Priority == Priority.High && x.ColorAsInt == Color.Blue));
    }

    [Fact]
    public void Json_columns_are_read_back_typed_and_stored_as_json()
    {
        using var db = Open();
        Reset<AllTypes>(db);
        db.Insert(new AllTypes { Address = new Address { City = "Oslo", Tags = ["x"] } });
        var json = db.SqlScalar<string>(IsPostgres ? "select address::text from all_types" : "select address from all_types")!;
        Assert.Contains("\"City\"", json);
        Assert.Contains("Oslo", json);
        Assert.Equal("Oslo", db.Single<AllTypes>(x => x.Id > 0)!.Address.City);
    }
}

[Collection(SqliteFileCollection.SqliteFile)]
public sealed class SqliteFileTypeRoundTripTests(SqliteFileDatabaseFixture f) : TypeRoundTripTests(f);

[Collection(SqliteMemoryCollection.SqliteMemory)]
public sealed class SqliteMemoryTypeRoundTripTests(SqliteMemoryDatabaseFixture f) : TypeRoundTripTests(f);

[Collection(PostgresCollection.Postgres)]
public sealed class PostgresTypeRoundTripTests(PostgresDatabaseFixture f) : TypeRoundTripTests(f);
