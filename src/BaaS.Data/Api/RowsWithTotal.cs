namespace BaaS.Data;

/// <summary>
/// A page of a query's rows and the number of rows the whole query matches (its conditions and joins, without its
/// Skip/Take and order): what <c>SelectWithTotal</c> answers. Deconstructs: <c>var (rows, total) = ...</c>.
/// </summary>
/// <typeparam name="T">The type of the rows.</typeparam>
/// <param name="Rows">The rows of the page, in the query's order.</param>
/// <param name="Total">How many rows the query matches in all.</param>
public sealed record RowsWithTotal<T>(List<T> Rows, long Total);
