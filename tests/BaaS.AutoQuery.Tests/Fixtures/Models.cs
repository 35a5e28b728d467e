using BaaS.DataAnnotations;

namespace BaaS.AutoQuery.Tests.Fixtures;

public enum BookGenre
{
    Fiction,
    Science,
    History,
    Poetry,
}

public class Author
{
    [AutoIncrement]
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    [Reference]
    public List<Book> Books { get; set; } = [];
}

/// <summary>A book, owned by a tenant (the user who added it).</summary>
public class Book
{
    [AutoIncrement]
    public int Id { get; set; }
    public string Title { get; set; } = "";
    [References(typeof(Author))]
    public int AuthorId { get; set; }
    public BookGenre Genre { get; set; }
    [DecimalLength(10, 2)]
    public decimal Price { get; set; }
    public double? Rating { get; set; }
    public int Pages { get; set; }
    public DateTime PublishedAt { get; set; }
    public string? Isbn { get; set; }
    public string TenantId { get; set; } = "";
}

/// <summary>A book row with its author's columns, for a joined query.</summary>
public class BookWithAuthor
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public decimal Price { get; set; }
    public string AuthorName { get; set; } = "";
    public string AuthorCountry { get; set; } = "";
}
