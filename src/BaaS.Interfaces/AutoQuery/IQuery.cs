namespace BaaS;

/// <summary>A query request: paging, ordering, field selection and extras, understood by AutoQuery.</summary>
public interface IQuery
{
    /// <summary>Rows to skip.</summary>
    int? Skip { get; set; }

    /// <summary>Rows to return (capped by the server's <c>MaxLimit</c>).</summary>
    int? Take { get; set; }

    /// <summary>Comma-separated fields to order by, <c>-Field</c> descending: <c>-Rating,Name</c>.</summary>
    string? OrderBy { get; set; }

    /// <summary>Comma-separated fields to order by descending.</summary>
    string? OrderByDesc { get; set; }

    /// <summary><c>total</c> to count all matching rows; aggregates like <c>COUNT(*) total, SUM(Total)</c> into <c>meta</c>.</summary>
    string? Include { get; set; }

    /// <summary>Comma-separated fields to return (others are left out).</summary>
    string? Fields { get; set; }

    /// <summary>Extra values a custom implementation may read.</summary>
    Dictionary<string, string>? Meta { get; set; }
}

/// <summary>An AutoQuery request over a data model.</summary>
public interface IQueryDb : IQuery;

/// <summary>An AutoQuery request over <typeparamref name="From"/>.</summary>
/// <typeparam name="From">The data model queried.</typeparam>
public interface IQueryDb<From> : IQueryDb;

/// <summary>An AutoQuery request over <typeparamref name="From"/> answering rows as <typeparamref name="Into"/>.</summary>
/// <typeparam name="From">The data model queried.</typeparam>
/// <typeparam name="Into">The shape of each result row.</typeparam>
public interface IQueryDb<From, Into> : IQueryDb;
