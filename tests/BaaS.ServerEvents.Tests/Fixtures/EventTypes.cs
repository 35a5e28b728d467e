namespace BaaS.ServerEvents.Tests;

/// <summary>A message to a public channel.</summary>
public class NewsPosted
{
    public string Title { get; set; } = "";
    public int Number { get; set; }
}

/// <summary>An order's status changed (what MyApp pushes to the customer).</summary>
public class OrderStatusChanged
{
    public int Id { get; set; }
    public string Status { get; set; } = "";
    public string CustomerId { get; set; } = "";
}

/// <summary>A message for one user.</summary>
public class PrivateNote
{
    public string Text { get; set; } = "";
}
