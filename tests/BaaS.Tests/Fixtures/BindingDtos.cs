namespace BaaS.Tests.Fixtures;

public class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
}

/// <summary>Echoes back every type binding supports.</summary>
[Route("/echo/{Id}/{Name}", "GET POST")]
[Route("/echo-path/{Path*}", "GET")]
public class EchoTypes : IReturn<EchoTypes>
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public long Long { get; set; }
    public short Short { get; set; }
    public decimal Decimal { get; set; }
    public double Double { get; set; }
    public bool Bool { get; set; }
    public DateTime DateTime { get; set; }
    public DateTime? NullableDateTime { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public DateOnly DateOnly { get; set; }
    public TimeOnly TimeOnly { get; set; }
    public TimeSpan TimeSpan { get; set; }
    public Guid Guid { get; set; }
    public Category Category { get; set; }
    public Category? NullableCategory { get; set; }
    public int? NullableInt { get; set; }
    public List<int>? Ids { get; set; }
    public int[]? Numbers { get; set; }
    public List<string>? Names { get; set; }
    public HashSet<Category>? Categories { get; set; }
    public Dictionary<string, string>? Meta { get; set; }
    public Address? Address { get; set; }
    public List<Address>? Addresses { get; set; }
    public byte[]? Data { get; set; }
    public string? Path { get; set; }
    public string Text { get; set; } = "default";
}

/// <summary>Reports which verb reached an <c>Any</c> method.</summary>
public class AnyVerb : IReturn<VerbResponse>
{
    public string? Value { get; set; }
}

public class VerbResponse
{
    public string Verb { get; set; } = "";
    public string? Value { get; set; }
}

/// <summary>A GET-only operation (for 405s).</summary>
public class OnlyGet : IReturn<VerbResponse>, IGet;

/// <summary>Throws the exception named by <see cref="Kind"/>.</summary>
public class Throw : IReturn<EmptyResponse>
{
    public string Kind { get; set; } = "";
    public string? Message { get; set; }
}

/// <summary>Requires a field through ApiMember.</summary>
public class RequiresValue : IReturn<VerbResponse>, IPost
{
    [ApiMember(IsRequired = true, Description = "Must be sent")]
    public int? Value { get; set; }
}

/// <summary>An operation hidden from the metadata.</summary>
[ExcludeMetadata]
public class HiddenOperation : IReturn<VerbResponse>;

/// <summary>A service that answers with a plain string.</summary>
public class PlainText : IReturn<string>, IGet
{
    public string Text { get; set; } = "";
}

/// <summary>Flags travel as numbers.</summary>
[Flags]
public enum Toppings
{
    None = 0,
    Cheese = 1,
    Olives = 2,
    Basil = 4,
}

public class FlagsEcho : IReturn<FlagsEcho>, IPost
{
    public Toppings Toppings { get; set; }
}

/// <summary>Answers the request headers it was sent.</summary>
public class EchoHeaders : IReturn<Dictionary<string, string>>, IGet;

/// <summary>Lists with item limits: one declared, the others from <c>BaaSOptions.MaxCollectionItems</c>.</summary>
public class LimitedLists : IReturn<LimitedLists>, IPost
{
    [ValidateMaxItems(2)]
    public List<int>? Ids { get; set; }

    public List<string>? Tags { get; set; }

    public Dictionary<string, int>? Counts { get; set; }

    public Hundredths? Share { get; set; }
}

/// <summary>A number sent whole and kept in hundredths, with checked arithmetic: too large a number overflows.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(HundredthsConverter))]
public readonly record struct Hundredths(int Value);

/// <summary>Reads <see cref="Hundredths"/> as an app's own converter might, throwing <see cref="OverflowException"/>.</summary>
public sealed class HundredthsConverter : System.Text.Json.Serialization.JsonConverter<Hundredths>
{
    /// <inheritdoc />
    public override Hundredths Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        new(checked(reader.GetInt32() * 100));

    /// <inheritdoc />
    public override void Write(System.Text.Json.Utf8JsonWriter writer, Hundredths value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Value / 100);
}
