namespace BaaS;

/// <summary>How a query DTO's filters combine: <c>[QueryDb(QueryTerm.Or)]</c> ORs them (the default is AND).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class QueryDbAttribute(QueryTerm defaultTerm) : Attribute
{
    /// <summary>The term the DTO's filters join with.</summary>
    public QueryTerm DefaultTerm { get; } = defaultTerm;
}
