namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>Every naming convention, declared.</summary>
public class QueryBooks : QueryDb<Book>
{
    public string? Title { get; set; }
    public List<int>? Ids { get; set; }
    public BookGenre? Genre { get; set; }
    public List<BookGenre>? GenreIn { get; set; }
    public decimal? PriceGreaterThan { get; set; }
    public decimal? PriceGreaterThanOrEqualTo { get; set; }
    public decimal? PriceLessThan { get; set; }
    public decimal? PriceLessThanOrEqualTo { get; set; }
    public decimal? MinPrice { get; set; }
    public decimal? MaxPrice { get; set; }
    public int? PagesNotEqualTo { get; set; }
    public int[]? PagesBetween { get; set; }
    public string? TitleStartsWith { get; set; }
    public string? TitleContains { get; set; }
    public string? TitleEndsWith { get; set; }
    public bool? RatingIsNull { get; set; }
    public bool? IsbnIsNotNull { get; set; }
    public DateTime? PublishedAtAfter { get; set; }
    public DateTime? PublishedAtBefore { get; set; }
    public List<string>? TitleNotIn { get; set; }

    [QueryDbField(Field = "Title", Operand = "StartsWith")]
    public string? Starting { get; set; }

    [QueryDbField(Template = "{Field} >= {Value}", Field = "Rating")]
    public double? AtLeastRated { get; set; }

    [AutoMap(nameof(Book.AuthorId))]
    public int? Writer { get; set; }

    [AutoIgnore]
    public string? NotAFilter { get; set; }
}

/// <summary>Filters joined with OR.</summary>
[QueryDb(QueryTerm.Or)]
public class QueryBooksEither : QueryDb<Book>
{
    public BookGenre? Genre { get; set; }
    public decimal? PriceLessThan { get; set; }
}

#region snippet:autoquery-join
/// <summary>Books with their authors, filtered on the author's columns.</summary>
public class QueryBooksWithAuthors : QueryDb<Book, BookWithAuthor>, IJoin<Book, Author>
{
    public string? Country { get; set; }
    public string? TitleContains { get; set; }
}
#endregion

public class QueryAuthors : QueryDb<Author>;
