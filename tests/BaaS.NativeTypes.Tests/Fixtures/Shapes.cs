using System.ComponentModel;
using System.Runtime.Serialization;
using BaaS;
using BaaS.DataAnnotations;

namespace NativeFixtures.Shapes;

/// <summary>Sends every shape to the server and gets it back unchanged.</summary>
[Tag("Shapes"), Route("/shapes/echo", "POST")]
public class EchoShapes : IReturn<EchoShapesResponse>, IPost
{
    /// <summary>The values to echo.</summary>
    public AllShapes Shapes { get; set; } = new();
}

/// <summary>What <see cref="EchoShapes"/> answers.</summary>
public class EchoShapesResponse
{
    public AllShapes? Shapes { get; set; }

    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>The parts every shape shares.</summary>
public abstract class ShapeBase
{
    /// <summary>Who made it.</summary>
    public string? Label { get; set; }
}

/// <summary>Every property shape the generators must write.</summary>
public class AllShapes : ShapeBase
{
    [Description("A whole number.")]
    public int Int { get; set; }

    public long Long { get; set; }

    public double Double { get; set; }

    /// <summary>Money: exact.</summary>
    public decimal Decimal { get; set; }

    public bool Bool { get; set; }

    public string? Text { get; set; }

    public int? NullableInt { get; set; }

    public bool? NullableBool { get; set; }

    public DateTime DateTime { get; set; }

    public DateTime? NullableDateTime { get; set; }

    public DateOnly DateOnly { get; set; }

    public TimeOnly TimeOnly { get; set; }

    public TimeSpan TimeSpan { get; set; }

    public TimeSpan? NullableTimeSpan { get; set; }

    public Guid Guid { get; set; }

    public byte[]? Bytes { get; set; }

    public List<string>? Strings { get; set; }

    public int[]? Numbers { get; set; }

    public List<Point>? Points { get; set; }

    public Point[]? PointArray { get; set; }

    public Dictionary<string, int>? Counts { get; set; }

    public Dictionary<string, Point>? PointsByName { get; set; }

    public Dictionary<string, List<int>>? ListsByName { get; set; }

    public Status Status { get; set; }

    public Status? MaybeStatus { get; set; }

    public Toppings Toppings { get; set; }

    public Priority Priority { get; set; }

    public Outer.Inner? Nested { get; set; }

    /// <summary>A generic type of the app, closed.</summary>
    public Page<Point>? PointPage { get; set; }

    public List<Page<string>>? Pages { get; set; }

    public Pair<string, Point>? Pair { get; set; }
}

/// <summary>A point on a plane.</summary>
public class Point
{
    public int X { get; set; }

    public int Y { get; set; }
}

/// <summary>A string enum, one member with a wire name of its own.</summary>
public enum Status
{
    Draft = 0,

    /// <summary>Being worked on.</summary>
    [EnumMember(Value = "in-progress")]
    InProgress = 5,

    [Description("Finished")]
    Done = 10,
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

/// <summary>A number enum with explicit values.</summary>
[EnumAsInt]
public enum Priority
{
    Low = 1,
    Normal = 5,
    High = 9,
}

/// <summary>Declares a nested type.</summary>
public class Outer
{
    /// <summary>A type declared inside another.</summary>
    public class Inner
    {
        public string? Note { get; set; }

        public int Depth { get; set; }
    }
}

/// <summary>A generic type of the app.</summary>
public class Page<T>
{
    public int Number { get; set; }

    public List<T>? Items { get; set; }
}

/// <summary>Two generic parameters.</summary>
public class Pair<TKey, TValue>
{
    public TKey? Key { get; set; }

    public TValue? Value { get; set; }
}

/// <summary>A user generic base closed by a subclass.</summary>
public class PointsPage : Page<Point>
{
    public string? Title { get; set; }
}

/// <summary>A page of points.</summary>
[Tag("Shapes")]
public class GetPointsPage : IReturn<PointsPage>, IGet
{
    public int Count { get; set; }
}

/// <summary>Says nothing back.</summary>
[Tag("Shapes")]
public class Ping : IReturnVoid, IPost
{
    public string? Message { get; set; }
}

public class ShapeServices : Service
{
    public EchoShapesResponse Post(EchoShapes request) => new() { Shapes = request.Shapes };

    public PointsPage Get(GetPointsPage request) => new()
    {
        Title = "points",
        Number = 1,
        Items = [.. Enumerable.Range(1, request.Count).Select(i => new Point { X = i, Y = i * i })],
    };

    public void Post(Ping request) { }
}
