using System.ComponentModel;

namespace BaaS.Tests.Fixtures;

/// <summary>An item in the test store.</summary>
public class Item
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public Category Category { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum Category
{
    Food,
    Drink,
    [Description("Things that are not food")] Other,
}

[Tag("Items"), Route("/items/{Id}", "GET")]
public class GetItem : IReturn<Item>, IGet
{
    public int Id { get; set; }
}

[Tag("Items"), Route("/items", "POST")]
public class CreateItem : IReturn<Item>, IPost
{
    /// <summary>The item's name.</summary>
    public required string Name { get; set; }
    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public Category Category { get; set; }
}

[Tag("Items"), Route("/items/{Id}", "PUT")]
public class UpdateItem : IReturn<Item>, IPut
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

/// <summary>Changes only the fields that are sent.</summary>
[Tag("Items"), Route("/items/{Id}", "PATCH")]
public class PatchItem : IReturn<PatchItemResponse>, IPatch
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public decimal? Price { get; set; }
    public int? Quantity { get; set; }
}

public class PatchItemResponse
{
    public Item Item { get; set; } = new();
    public List<string> SentFields { get; set; } = [];
}

[Tag("Items"), Route("/items/{Id}", "DELETE")]
public class DeleteItem : IReturnVoid, IDelete
{
    public int Id { get; set; }
}

[Route("/items", "GET")]
public class ListItems : IReturn<List<Item>>, IGet
{
    public string? NameStartsWith { get; set; }
}

public class SearchItems : IReturn<SearchItemsResponse>, IGet
{
    public List<int>? Ids { get; set; }
}

public class SearchItemsResponse
{
    public int Total { get; set; }
    public List<Item> Results { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Answers 201 with a Location header.</summary>
public class CreateItemWithLocation : IReturn<Item>, IPost
{
    public string Name { get; set; } = "";
}
