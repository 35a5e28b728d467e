namespace BaaS.AutoQuery.Tests.Fixtures;

#region snippet:autoquery-tenant
/// <summary>Only the caller's own books: the tenancy filter comes from the signed-in user, never from the request.</summary>
[ValidateIsAuthenticated, AutoFilter(nameof(Book.TenantId), Eval = "userAuthId")]
public class QueryMyBooks : QueryDb<Book>
{
    public BookGenre? Genre { get; set; }
    public string? TenantId { get; set; }
}
#endregion

/// <summary>The same, with filters ORed: the tenancy filter must still hold.</summary>
[ValidateIsAuthenticated, AutoFilter(nameof(Book.TenantId), Eval = "userAuthId"), QueryDb(QueryTerm.Or)]
public class QueryMyBooksEither : QueryDb<Book>
{
    public BookGenre? Genre { get; set; }
    public decimal? PriceLessThan { get; set; }
    public string? TenantId { get; set; }
}
