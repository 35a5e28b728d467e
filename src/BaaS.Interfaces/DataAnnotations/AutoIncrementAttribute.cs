namespace BaaS.DataAnnotations;

/// <summary>
/// The database assigns this integer key on insert (SQLite <c>AUTOINCREMENT</c>, PostgreSQL identity column).
/// Implies <see cref="PrimaryKeyAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AutoIncrementAttribute : Attribute
{
}
