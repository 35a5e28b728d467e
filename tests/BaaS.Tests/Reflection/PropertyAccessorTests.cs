using BaaS.Reflection;

namespace BaaS.Tests.Reflection;

public class PropertyAccessorTests
{
    [Fact]
    public void Compiled_getter_and_setter_round_trip_a_value()
    {
        var property = typeof(ModelDerived).GetProperty(nameof(ModelDerived.Rating))!;
        var dto = new ModelDerived { Code = "c" };
        PropertyAccessor.CompileSetter(property)(dto, 2.5m);
        Assert.Equal(2.5m, PropertyAccessor.CompileGetter(property)(dto));
    }

    [Fact]
    public void Getter_reads_an_anonymous_type()
    {
        var row = new { Id = 3, Name = "x" };
        Assert.Equal("x", PropertyAccessor.CompileGetter(row.GetType().GetProperty("Name")!)(row));
    }

    [Fact]
    public void Missing_accessor_static_property_and_open_generic_type_are_refused_with_the_property_named()
    {
        var readOnly = Assert.Throws<ArgumentException>(() => PropertyAccessor.CompileSetter(typeof(ModelDerived).GetProperty(nameof(ModelDerived.ReadOnly))!));
        Assert.Contains("ModelDerived.ReadOnly", readOnly.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PropertyAccessor.CompileGetter(typeof(DateTime).GetProperty(nameof(DateTime.Now))!));
        Assert.Throws<ArgumentException>(() => PropertyAccessor.CompileGetter(typeof(ModelGeneric<>).GetProperty("Value")!));
    }

    [Fact]
    public void Wrong_value_type_fails_as_an_invalid_cast()
    {
        var setter = PropertyAccessor.CompileSetter(typeof(ModelDerived).GetProperty(nameof(ModelDerived.Id))!);
        Assert.Throws<InvalidCastException>(() => setter(new ModelDerived { Code = "c" }, "seven"));
    }
}
