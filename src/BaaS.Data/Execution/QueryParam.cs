namespace BaaS.Data;

/// <summary>A value bound as a parameter, with the field it is compared to or written into (decides its conversion).</summary>
internal readonly record struct QueryParam(object? Value, FieldDefinition? Field);
