namespace BaaS;

/// <summary>How a condition joins the conditions before it (in AutoQuery attributes and BaaS.Data's run-time builder).</summary>
public enum QueryTerm
{
    /// <summary>The default of its context: AND, unless a <c>[QueryDb(QueryTerm.Or)]</c> DTO says OR.</summary>
    Default,
    /// <summary><c>(previous) AND (new)</c>.</summary>
    And,
    /// <summary><c>(previous) OR (new)</c>.</summary>
    Or,
    /// <summary>Always applies, ANDed outside every other condition, so no OR can escape it (tenancy, ownership).</summary>
    Ensure,
}
