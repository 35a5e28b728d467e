namespace BaaS;

/// <summary>
/// The app database's tables with their columns and row counts, for the Admin UI's database page (read only, Admin
/// only). Served when the Admin UI is on with <c>ShowDatabase</c>.
/// </summary>
[Tag("Admin"), ValidateIsAdmin]
public class AdminQueryTables : IGet, IReturn<AdminQueryTablesResponse>;
