namespace BaaS.DataAnnotations;

/// <summary>
/// The property holds a related row (or a <c>List</c> of rows) loaded by <c>LoadSelect</c> and
/// <c>LoadSingleById</c>; it is not a column. The rows are matched through a <c>{Parent}Id</c> column or a
/// <see cref="ReferencesAttribute"/>/<see cref="ForeignKeyAttribute"/> on either side.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ReferenceAttribute : Attribute
{
}
