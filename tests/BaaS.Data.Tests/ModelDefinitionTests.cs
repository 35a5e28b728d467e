using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

public sealed class ModelDefinitionTests
{
    private sealed class Weird
    {
        public int Id { get; set; }
        public uint Unsigned { get; set; }
    }

    private sealed class Nullability
    {
        public int Id { get; set; }
        public string NotNull { get; set; } = "";
        public string? MaybeNull { get; set; }
        [Required] public string? ForcedNotNull { get; set; }
        public int? NullableInt { get; set; }
        [Alias("custom_col")] public string Aliased { get; set; } = "";
    }

    [Fact]
    public void Names_are_snake_case_unless_aliased()
    {
        var m = ModelDefinition.For<OrderLine>();
        Assert.Equal("order_line", m.TableName);
        Assert.Equal("order_id", m.GetField("OrderId").ColumnName);
        Assert.Equal("orders", ModelDefinition.For<Order>().TableName);
        Assert.Equal("custom_col", ModelDefinition.For<Nullability>().GetField("Aliased").ColumnName);
        Assert.Same(ModelDefinition.For<Order>(), ModelDefinition.For(typeof(Order)));
    }

    [Fact]
    public void Nullability_follows_the_CSharp_annotations_and_Required()
    {
        var m = ModelDefinition.For<Nullability>();
        Assert.False(m.GetField("NotNull").IsNullable);
        Assert.True(m.GetField("MaybeNull").IsNullable);
        Assert.False(m.GetField("ForcedNotNull").IsNullable);
        Assert.True(m.GetField("NullableInt").IsNullable);
        Assert.False(m.GetField("Id").IsNullable);
    }

    [Fact]
    public void Metadata_describes_keys_indexes_foreign_keys_and_references()
    {
        var order = ModelDefinition.For<Order>();
        Assert.True(order.PrimaryKey!.IsAutoIncrement);
        Assert.Equal(["CustomerId"], order.ForeignKeyFields.Select(f => f.Name));
        Assert.Contains(order.Indexes, i => i.Unique && i.Fields.Select(f => f.Name).SequenceEqual(["CustomerId", "Number"]));
        Assert.Contains(order.Indexes, i => !i.Unique && i.Name == "ix_orders_name");
        Assert.Equal(["Customer", "Lines"], order.References.Select(r => r.Name));
        Assert.Null(order.FindField("Computed"));
        Assert.Equal("CASCADE", ModelDefinition.For<OrderLine>().GetField("OrderId").ForeignKey!.OnDelete);
        Assert.True(ModelDefinition.For<Document>().PrimaryKey!.IsAutoId);
        Assert.NotNull(ModelDefinition.For<Document>().RowVersion);
    }

    [Fact]
    public void Field_lookup_is_case_insensitive_and_unknown_names_get_a_suggestion()
    {
        var m = ModelDefinition.For<Order>();
        Assert.Same(m.GetField("total"), m.GetField("TOTAL"));
        Assert.Same(m.GetField("CustomerId"), m.GetField("customer_id"));
        var ex = Assert.Throws<UnknownFieldException>(() => m.GetField("Totl"));
        Assert.Equal("Order has no field 'Totl' (did you mean 'Total'?)", ex.Message);
        Assert.Equal("Order has no field 'Zebra'.", Assert.Throws<UnknownFieldException>(() => m.GetField("Zebra")).Message);
    }

    [Fact]
    public void Unsupported_property_types_say_which_property()
    {
        var ex = Assert.Throws<NotSupportedException>(() => ModelDefinition.For<Weird>());
        Assert.Contains("Weird.Unsigned", ex.Message);
        Assert.Contains("UInt32", ex.Message);
    }
}
