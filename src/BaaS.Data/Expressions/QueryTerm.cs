namespace BaaS.Data;

/// <summary>How a condition joins the conditions before it.</summary>
public enum QueryTerm
{
    /// <summary><c>(previous) AND (new)</c>.</summary>
    And,
    /// <summary><c>(previous) OR (new)</c>.</summary>
    Or,
}
