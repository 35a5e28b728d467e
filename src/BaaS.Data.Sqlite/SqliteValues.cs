using System.Data.Common;
using System.Globalization;

namespace BaaS.Data.Sqlite;

/// <summary>
/// Column readers called by compiled materialisers. SQLite is dynamically typed, so each reader accepts the
/// storage class BaaS.Data writes (mostly TEXT) and also what other writers commonly use.
/// </summary>
internal static class SqliteValues
{
    public static decimal ReadDecimal(DbDataReader r, int i)
    {
        var t = r.GetFieldType(i);
        if (t == typeof(string)) return decimal.Parse(r.GetString(i), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (t == typeof(long)) return r.GetInt64(i);
        // A REAL written by something else: the closest decimal to that double, as good as the data allows.
        return (decimal)r.GetDouble(i);
    }

    /// <summary>
    /// A decimal stored as a scaled integer (1250 at scale 2 is 12.50); a REAL written there by raw SQL is scaled the
    /// same way. Text, from a column not yet converted, is read as the decimal it spells, rounded to the scale.
    /// </summary>
    public static decimal ReadScaledDecimal(DbDataReader r, int i, int scale)
    {
        var t = r.GetFieldType(i);
        if (t == typeof(long)) return ScaledDecimal.FromScaled(r.GetInt64(i), scale);
        if (t == typeof(double)) return ScaledDecimal.Round((decimal)r.GetDouble(i) / ScaledDecimal.Pow10(scale), scale);
        return ScaledDecimal.Round(ReadDecimal(r, i), scale);
    }

    public static Guid ReadGuid(DbDataReader r, int i) =>
        r.GetFieldType(i) == typeof(byte[]) ? new Guid((byte[])r.GetValue(i)) : Guid.Parse(r.GetString(i));

    public static DateTime ReadDateTime(DbDataReader r, int i) => DateTimeValues.ParseUtc(r.GetString(i));

    public static DateTimeOffset ReadDateTimeOffset(DbDataReader r, int i) => new(DateTimeValues.ParseUtc(r.GetString(i)));

    public static DateOnly ReadDateOnly(DbDataReader r, int i) => DateOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public static TimeOnly ReadTimeOnly(DbDataReader r, int i) => TimeOnly.Parse(r.GetString(i), CultureInfo.InvariantCulture);

    public static TimeSpan ReadTimeSpan(DbDataReader r, int i) =>
        r.GetFieldType(i) == typeof(string) ? TimeSpan.Parse(r.GetString(i), CultureInfo.InvariantCulture) : new TimeSpan(r.GetInt64(i));

    public static byte[] ReadBytes(DbDataReader r, int i) => (byte[])r.GetValue(i);

    public static TEnum ReadEnum<TEnum>(DbDataReader r, int i) where TEnum : struct, Enum =>
        r.GetFieldType(i) == typeof(string)
            ? Enum.Parse<TEnum>(r.GetString(i), ignoreCase: true)
            : (TEnum)Enum.ToObject(typeof(TEnum), r.GetInt64(i));

    public static T ReadJson<T>(DbDataReader r, int i) => (T)DataJson.Deserialize(r.GetString(i), typeof(T))!;
}
