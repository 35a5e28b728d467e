using BaaS.DataAnnotations;

namespace BaaS.Data.Tests;

internal enum Color { Red, Green, Blue }

[EnumAsInt]
internal enum Priority { Low = 1, High = 2, Urgent = 3 }

internal sealed class Address
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public List<string> Tags { get; set; } = [];
}

/// <summary>Every supported type, non-nullable and nullable.</summary>
internal sealed class AllTypes
{
    [AutoIncrement] public int Id { get; set; }
    public int Int { get; set; }
    public long Long { get; set; }
    public short Short { get; set; }
    public byte Byte { get; set; }
    public bool Bool { get; set; }
    public string Text { get; set; } = "";
    public decimal Money { get; set; }
    public double Double { get; set; }
    public float Float { get; set; }
    public DateTime When { get; set; }
    public DateTimeOffset WhenOffset { get; set; }
    public DateOnly Day { get; set; }
    public TimeOnly Time { get; set; }
    public TimeSpan Span { get; set; }
    public Guid Guid { get; set; }
    public Color Color { get; set; }
    public Priority Priority { get; set; }
    [EnumAsInt] public Color ColorAsInt { get; set; }
    public byte[] Bytes { get; set; } = [];
    public Address Address { get; set; } = new();
    public List<Address> Addresses { get; set; } = [];
    public Dictionary<string, int> Counts { get; set; } = [];
    public Address[] AddressArray { get; set; } = [];

    public int? NInt { get; set; }
    public long? NLong { get; set; }
    public short? NShort { get; set; }
    public byte? NByte { get; set; }
    public bool? NBool { get; set; }
    public string? NText { get; set; }
    public decimal? NMoney { get; set; }
    public double? NDouble { get; set; }
    public float? NFloat { get; set; }
    public DateTime? NWhen { get; set; }
    public DateTimeOffset? NWhenOffset { get; set; }
    public DateOnly? NDay { get; set; }
    public TimeOnly? NTime { get; set; }
    public TimeSpan? NSpan { get; set; }
    public Guid? NGuid { get; set; }
    public Color? NColor { get; set; }
    public Priority? NPriority { get; set; }
    public byte[]? NBytes { get; set; }
    public Address? NAddress { get; set; }
}

internal sealed class DecimalRow
{
    [AutoIncrement] public int Id { get; set; }
    public decimal Amount { get; set; }
}

internal sealed class TextRow
{
    [AutoIncrement] public int Id { get; set; }
    public string Value { get; set; } = "";
}
