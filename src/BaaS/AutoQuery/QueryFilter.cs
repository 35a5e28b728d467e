using BaaS.Data;

namespace BaaS.AutoQuery;

/// <summary>One filter property of a query DTO, read once at startup: which field it compares, how, and how it joins.</summary>
internal sealed record QueryFilter(
    string PropertyName,
    Func<object, object?> Get,
    string Field,
    SqlOperator Op,
    QueryTerm Term,
    string? ValueFormat,
    bool IsPlainValueType,
    object? DefaultValue);
