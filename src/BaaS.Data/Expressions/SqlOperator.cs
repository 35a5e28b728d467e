namespace BaaS.Data;

/// <summary>The comparison operators a run-time condition may use: a closed set, each written by the dialect.</summary>
public enum SqlOperator
{
    /// <summary><c>=</c> (<c>IS NULL</c> for a null value).</summary>
    Equal,
    /// <summary><c>&lt;&gt;</c> (<c>IS NOT NULL</c> for a null value).</summary>
    NotEqual,
    /// <summary><c>&lt;</c>.</summary>
    LessThan,
    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,
    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,
    /// <summary>Text starts with the value, ignoring case.</summary>
    StartsWith,
    /// <summary>Text ends with the value, ignoring case.</summary>
    EndsWith,
    /// <summary>Text contains the value, ignoring case.</summary>
    Contains,
    /// <summary>The value is one of a collection (an empty collection matches nothing).</summary>
    In,
    /// <summary>The value is none of a collection (an empty collection matches everything).</summary>
    NotIn,
    /// <summary><c>IS NULL</c> (the value is ignored).</summary>
    IsNull,
    /// <summary><c>IS NOT NULL</c> (the value is ignored).</summary>
    IsNotNull,
    /// <summary>Between two values, inclusive: the value is a collection of exactly two.</summary>
    Between,
}
