namespace BaaS.Data;

/// <summary>
/// The typed API of BaaS.Data, as extension methods on an open <see cref="DataConnection"/>: queries
/// (<c>Select</c>, <c>Single</c>, <c>Count</c>, ...), writes (<c>Insert</c>, <c>Update</c>, <c>Save</c>, ...),
/// schema (<c>CreateTable</c>, ...), reference loading and raw SQL. Every method has a synchronous and an
/// <c>...Async</c> form; all of them join the transaction open on the connection.
/// </summary>
public static partial class DataConnectionExtensions
{
    private static bool Async(DataConnection db) => Executor.UseAsync(db, true);
}
