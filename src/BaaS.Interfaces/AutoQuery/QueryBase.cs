namespace BaaS;

/// <summary>The paging, ordering and selection every query request takes.</summary>
public abstract class QueryBase : IQuery
{
    /// <inheritdoc />
    public virtual int? Skip { get; set; }

    /// <inheritdoc />
    public virtual int? Take { get; set; }

    /// <inheritdoc />
    public virtual string? OrderBy { get; set; }

    /// <inheritdoc />
    public virtual string? OrderByDesc { get; set; }

    /// <inheritdoc />
    public virtual string? Include { get; set; }

    /// <inheritdoc />
    public virtual string? Fields { get; set; }

    /// <inheritdoc />
    public virtual Dictionary<string, string>? Meta { get; set; }
}
