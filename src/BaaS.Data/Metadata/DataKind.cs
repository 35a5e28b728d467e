namespace BaaS.Data;

/// <summary>How a field's value is stored: the dialects map each kind to a column type and a converter.</summary>
public enum DataKind
{
    /// <summary><see cref="bool"/>.</summary>
    Boolean,
    /// <summary><see cref="byte"/>.</summary>
    Byte,
    /// <summary><see cref="short"/>.</summary>
    Int16,
    /// <summary><see cref="int"/>.</summary>
    Int32,
    /// <summary><see cref="long"/>.</summary>
    Int64,
    /// <summary><see cref="float"/>.</summary>
    Single,
    /// <summary><see cref="double"/>.</summary>
    Double,
    /// <summary><see cref="decimal"/>, stored exactly.</summary>
    Decimal,
    /// <summary><see cref="string"/>.</summary>
    String,
    /// <summary><see cref="System.Guid"/>.</summary>
    Guid,
    /// <summary><see cref="System.DateTime"/>, stored as UTC.</summary>
    DateTime,
    /// <summary><see cref="System.DateTimeOffset"/>, stored as the UTC instant.</summary>
    DateTimeOffset,
    /// <summary><see cref="System.DateOnly"/>.</summary>
    DateOnly,
    /// <summary><see cref="System.TimeOnly"/>.</summary>
    TimeOnly,
    /// <summary><see cref="System.TimeSpan"/>.</summary>
    TimeSpan,
    /// <summary>An enum stored as its name.</summary>
    EnumString,
    /// <summary>An enum stored as its integer value (<c>[EnumAsInt]</c>).</summary>
    EnumInt,
    /// <summary><c>byte[]</c>.</summary>
    Bytes,
    /// <summary>Any other class, list, dictionary or array, stored as JSON.</summary>
    Json,
}
