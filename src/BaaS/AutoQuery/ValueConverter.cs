using System.Globalization;
using BaaS.Text;

namespace BaaS.AutoQuery;

/// <summary>Converts a DTO or server value to a data model field's type (int? to int, string to Guid, name to enum...).</summary>
internal static class ValueConverter
{
    public static object? To(Type target, object? value, string fieldName)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null) return target.IsValueType && underlying == target ? Activator.CreateInstance(target) : null;
        var type = value.GetType();
        if (target.IsAssignableFrom(type) || underlying == type) return value;
        try
        {
            if (underlying == typeof(string)) return value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
            if (underlying.IsEnum)
                return value is string s ? Enum.Parse(underlying, s, ignoreCase: true) : Enum.ToObject(underlying, value);
            if (underlying == typeof(Guid)) return value is string g ? Guid.Parse(g) : value;
            if (underlying == typeof(DateTime) && value is string d && WireFormat.TryParseDateTime(d, out var date)) return date;
            if (underlying == typeof(DateTimeOffset) && value is DateTime dt) return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
            return Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw HttpError.Validation(fieldName, "InvalidValue", $"'{WireFormat.Clip(value.ToString() ?? "")}' cannot be stored in {fieldName} ({underlying.Name}).");
        }
    }
}
