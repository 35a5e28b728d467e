using BaaS.Data;

namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>The rows every AutoQuery test starts from (ids 1..8 in this order).</summary>
public static class Seed
{
    public static readonly Author[] Authors =
    [
        new() { Name = "Ada", Country = "UK" },
        new() { Name = "Bo", Country = "Norway" },
        new() { Name = "Cy", Country = "USA" },
    ];

    public static readonly Book[] Books =
    [
        Book("Dune Messiah", 1, BookGenre.Fiction, 12.50m, 4.2, 256, new DateTime(2019, 5, 1), "111", "alice"),
        Book("Cosmos", 2, BookGenre.Science, 20.00m, 4.8, 396, new DateTime(2001, 3, 1), null, "alice"),
        Book("SPQR", 3, BookGenre.History, 18.00m, null, 608, new DateTime(2015, 10, 20), "333", "bob"),
        Book("Leaves of Grass", 1, BookGenre.Poetry, 9.99m, 4.0, 150, new DateTime(1855, 7, 4), null, "bob"),
        Book("The Selfish Gene", 2, BookGenre.Science, 15.00m, 4.5, 360, new DateTime(1976, 1, 1), "555", "carol"),
        Book("100% Pure_Fiction", 3, BookGenre.Fiction, 7.00m, 3.1, 120, new DateTime(2020, 2, 2), "666", "carol"),
        Book("O'Brien's Tale", 1, BookGenre.Fiction, 11.00m, null, 200, new DateTime(2010, 1, 1), null, "alice"),
        Book("Sapiens", 2, BookGenre.History, 22.00m, 4.6, 443, new DateTime(2011, 1, 1), "888", "bob"),
    ];

    private static Book Book(string title, int author, BookGenre genre, decimal price, double? rating, int pages, DateTime published, string? isbn, string tenant) =>
        new()
        {
            Title = title, AuthorId = author, Genre = genre, Price = price, Rating = rating, Pages = pages,
            PublishedAt = DateTime.SpecifyKind(published, DateTimeKind.Utc), Isbn = isbn, TenantId = tenant,
        };

    public static async Task InsertAsync(DataConnection db)
    {
        foreach (var author in Authors) await db.InsertAsync(Clone(author));
        foreach (var book in Books) await db.InsertAsync(Clone(book));
    }

    /// <summary>Ids of the seeded books matching a predicate, in id order.</summary>
    public static int[] BookIds(Func<Book, bool> predicate) =>
        [.. Books.Select((b, i) => (b, Id: i + 1)).Where(x => predicate(x.b)).Select(x => x.Id)];

    private static T Clone<T>(T value) => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value))!;
}
