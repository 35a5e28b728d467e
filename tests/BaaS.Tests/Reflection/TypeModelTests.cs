using System.ComponentModel;
using System.Reflection;
using BaaS.Reflection;

namespace BaaS.Tests.Reflection;

public class TypeModelTests
{
    private static PropertyModel Property(Type type, string name) =>
        TypeModel.Of(type).Find(name) ?? throw new Xunit.Sdk.XunitException($"{type.Name} has no property {name}");

    [Fact]
    public void Model_is_built_once_per_type()
    {
        Assert.Same(TypeModel.Of(typeof(ModelDerived)), TypeModel.Of(typeof(ModelDerived)));
        Assert.Same(TypeModel.Of(typeof(ModelDerived)).Properties[0].Getter, TypeModel.Of(typeof(ModelDerived)).Properties[0].Getter);
    }

    [Fact]
    public void Overridden_and_hidden_properties_appear_once_as_the_most_derived_declaration()
    {
        var names = TypeModel.Of(typeof(ModelDerived)).Properties.Select(p => p.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(typeof(ModelDerived), Property(typeof(ModelDerived), "OrderBy").DeclaringType);
        Assert.True(Property(typeof(ModelDerived), "OrderBy").IsOverride);
        var hidden = Property(typeof(ModelDerived), "Hidden");
        Assert.Equal(typeof(int), hidden.Type);
        Assert.False(hidden.IsOverride);
    }

    [Fact]
    public void Indexers_and_static_properties_are_left_out()
    {
        Assert.DoesNotContain(TypeModel.Of(typeof(ModelDerived)).Properties, p => p.Name == "Item");
        Assert.DoesNotContain(TypeModel.Of(typeof(string)).Properties, p => p.Name == "Empty");
    }

    [Fact]
    public void Declared_properties_leave_overrides_to_the_base_type()
    {
        var declared = TypeModel.Of(typeof(ModelDerived)).DeclaredProperties.Select(p => p.Name).ToList();
        Assert.Contains("Rating", declared);
        Assert.Contains("Hidden", declared);
        Assert.DoesNotContain("OrderBy", declared);
        Assert.DoesNotContain("Title", declared);
        Assert.DoesNotContain("Id", declared);
        Assert.Contains("OrderBy", TypeModel.Of(typeof(ModelBase)).DeclaredProperties.Select(p => p.Name));
    }

    [Fact]
    public void Find_matches_declared_and_wire_names_case_insensitively()
    {
        var model = TypeModel.Of(typeof(ModelDerived));
        Assert.Same(model.Find("Rating"), model.Find("rating"));
        Assert.Same(model.Find("RATING"), model.Find("Rating"));
        Assert.Null(model.Find("Ratings"));
        Assert.Equal("rating", model.Find("Rating")!.WireName);
        Assert.Equal("orderBy", model.Find("OrderBy")!.WireName);
    }

    [Fact]
    public void Getter_and_setter_work_on_value_reference_and_nullable_properties()
    {
        var dto = new ModelDerived { Code = "c" };
        Property(typeof(ModelDerived), "Id").Setter(dto, 7);
        Property(typeof(ModelDerived), "Name").Setter(dto, "Ann");
        Property(typeof(ModelDerived), "Rating").Setter(dto, 4.5m);
        Property(typeof(ModelDerived), "Tags").Setter(dto, new List<string> { "a" });

        Assert.Equal(7, Property(typeof(ModelDerived), "Id").Getter(dto));
        Assert.Equal("Ann", Property(typeof(ModelDerived), "Name").Getter(dto));
        Assert.Equal(4.5m, Property(typeof(ModelDerived), "Rating").Getter(dto));
        Assert.Equal("a", Assert.Single((List<string>)Property(typeof(ModelDerived), "Tags").Getter(dto)!));

        Property(typeof(ModelDerived), "Rating").Setter(dto, null);
        Assert.Null(dto.Rating);
        Assert.Null(Property(typeof(ModelDerived), "Rating").Getter(dto));
    }

    [Fact]
    public void Init_only_property_is_writable()
    {
        var created = Property(typeof(ModelDerived), "Created");
        var dto = new ModelDerived { Code = "c" };
        Assert.True(created.CanWrite);
        created.Setter(dto, new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(2026, dto.Created.Year);
    }

    [Fact]
    public void Inherited_property_reads_and_writes_through_the_derived_type()
    {
        var id = Property(typeof(ModelDerived), "Id");
        Assert.Equal(typeof(ModelBase), id.DeclaringType);
        var dto = new ModelDerived { Code = "c" };
        id.Setter(dto, 3);
        Assert.Equal(3, dto.Id);
        Assert.Equal(3, id.Getter(dto));
    }

    [Fact]
    public void Overridden_property_dispatches_to_the_override()
    {
        var orderBy = Property(typeof(ModelDerived), "OrderBy");
        var dto = new ModelDerived { Code = "c" };
        Assert.Equal("-Id", orderBy.Getter(dto));
        orderBy.Setter(dto, "Name");
        Assert.Equal("Name", dto.OrderBy);
        // The base type's model reads the same instance through the same virtual slot.
        Assert.Equal("Name", Property(typeof(ModelBase), "OrderBy").Getter(dto));
    }

    [Fact]
    public void Override_of_one_accessor_keeps_the_base_accessor_for_the_other()
    {
        var orderBy = Property(typeof(ModelGetterOnlyOverride), "OrderBy");
        Assert.True(orderBy.CanRead);
        Assert.True(orderBy.CanWrite);
        var dto = new ModelGetterOnlyOverride();
        orderBy.Setter(dto, "ignored by the override's getter");
        Assert.Equal("fixed", orderBy.Getter(dto));
    }

    [Fact]
    public void Hidden_property_reads_the_new_declaration_only()
    {
        var dto = new ModelDerived { Code = "c", Hidden = 5 };
        ((ModelBase)dto).Hidden = "base";
        Assert.Equal(5, Property(typeof(ModelDerived), "Hidden").Getter(dto));
        Assert.Equal("base", Property(typeof(ModelBase), "Hidden").Getter(dto));
    }

    [Fact]
    public void Accessibility_is_reported_per_accessor()
    {
        var readOnly = Property(typeof(ModelDerived), "ReadOnly");
        Assert.True(readOnly.CanRead);
        Assert.False(readOnly.CanWrite);
        Assert.False(readOnly.HasSetter);
        Assert.Throws<InvalidOperationException>(() => readOnly.Setter);

        var writeOnly = Property(typeof(ModelDerived), "WriteOnly");
        Assert.False(writeOnly.CanRead);
        Assert.False(writeOnly.HasGetter);
        Assert.True(writeOnly.CanWrite);
        Assert.Throws<InvalidOperationException>(() => writeOnly.Getter);

        // A non-public getter is not readable by the wire formats, but can still be compiled for the framework's own use.
        var privateGetter = Property(typeof(ModelDerived), "PrivateGetter");
        Assert.False(privateGetter.CanRead);
        Assert.True(privateGetter.HasGetter);
        Assert.Equal("secret", privateGetter.Getter(new ModelDerived { Code = "c" }));
    }

    [Fact]
    public void Struct_properties_are_written_in_the_box()
    {
        object point = new ModelPoint();
        var x = Property(typeof(ModelPoint), "X");
        x.Setter(point, 9);
        Assert.Equal(9, ((ModelPoint)point).X);
        Assert.Equal(9, x.Getter(point));
    }

    [Fact]
    public void Nullability_covers_value_and_reference_types()
    {
        Assert.False(Property(typeof(ModelDerived), "Id").IsNullable);
        Assert.True(Property(typeof(ModelDerived), "Id").IsPlainValueType);
        Assert.Equal(0, Property(typeof(ModelDerived), "Id").DefaultValue);

        var rating = Property(typeof(ModelDerived), "Rating");
        Assert.True(rating.IsNullable);
        Assert.False(rating.IsPlainValueType);
        Assert.Equal(typeof(decimal?), rating.Type);
        Assert.Equal(typeof(decimal), rating.UnderlyingType);
        Assert.Null(rating.DefaultValue);

        var name = Property(typeof(ModelDerived), "Name");
        Assert.False(name.IsNullable);
        Assert.Equal(NullabilityState.NotNull, name.WriteState);
        Assert.Equal(typeof(string), name.UnderlyingType);

        var tags = Property(typeof(ModelDerived), "Tags");
        Assert.True(tags.IsNullable);
        Assert.Equal(NullabilityState.Nullable, tags.ReadState);
    }

    [Fact]
    public void Required_covers_the_required_keyword_and_ApiMember()
    {
        Assert.True(Property(typeof(ModelDerived), "Code").IsRequired);
        Assert.True(Property(typeof(ModelDerived), "Marked").IsRequired);
        Assert.False(Property(typeof(ModelDerived), "Name").IsRequired);
    }

    [Fact]
    public void Attributes_of_an_override_include_the_inherited_ones()
    {
        var title = Property(typeof(ModelDerived), "Title");
        Assert.True(title.HasAttribute<ValidateNotEmptyAttribute>());
        Assert.Equal("from the base", title.GetAttribute<DescriptionAttribute>()?.Description);
        Assert.Single(title.GetAttributes<ValidateAttribute>());
        Assert.Null(title.GetAttribute<ApiMemberAttribute>());
        Assert.False(Property(typeof(ModelDerived), "Name").HasAttribute<ValidateAttribute>());
    }

    [Fact]
    public void Open_generic_type_describes_properties_but_compiles_no_accessor()
    {
        var value = Property(typeof(ModelGeneric<>), "Value");
        Assert.True(value.Type.IsGenericParameter);
        Assert.Null(value.DefaultValue);
        Assert.Throws<InvalidOperationException>(() => value.Getter);

        var closed = Property(typeof(ModelGeneric<int>), "Value");
        var instance = new ModelGeneric<int>();
        closed.Setter(instance, 4);
        Assert.Equal(4, closed.Getter(instance));
    }

    [Fact]
    public void Model_built_from_many_threads_at_once_is_one_model()
    {
        var type = typeof(ModelGeneric<Guid>);
        var models = new TypeModel[16];
        Parallel.For(0, models.Length, i => models[i] = TypeModel.Of(type));
        Assert.All(models, m => Assert.Same(models[0], m));
    }
}
