namespace BaaS;

/// <summary>
/// A query API over the data model <typeparamref name="T"/> that AutoQuery implements: declare
/// <c>public class QueryRestaurants : QueryDb&lt;Restaurant&gt; { public string? CuisineContains { get; set; } }</c>.
/// </summary>
/// <typeparam name="T">The data model queried and returned.</typeparam>
public abstract class QueryDb<T> : QueryBase, IQueryDb<T>, IReturn<QueryResponse<T>>;

/// <summary>A query API over <typeparamref name="From"/> (with its joins) answering rows as <typeparamref name="Into"/>.</summary>
/// <typeparam name="From">The data model queried.</typeparam>
/// <typeparam name="Into">The shape of each result row: its properties are read from the joined tables by name.</typeparam>
public abstract class QueryDb<From, Into> : QueryBase, IQueryDb<From, Into>, IReturn<QueryResponse<Into>>;
