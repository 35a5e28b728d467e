using System.Data.Common;

namespace BaaS.Data.PostgreSQL;

/// <summary>Column readers called by compiled materialisers for the values that need more than a typed getter.</summary>
internal static class PgValues
{
    public static string ReadString(DbDataReader r, int i) => PgText.Decode(r.GetString(i));

    public static TEnum ReadEnum<TEnum>(DbDataReader r, int i) where TEnum : struct, Enum =>
        r.GetFieldType(i) == typeof(string)
            ? Enum.Parse<TEnum>(r.GetString(i), ignoreCase: true)
            : (TEnum)Enum.ToObject(typeof(TEnum), Convert.ToInt64(r.GetValue(i)));

    public static T ReadJson<T>(DbDataReader r, int i) => (T)DataJson.Deserialize(r.GetString(i), typeof(T))!;

    public static DateTimeOffset ReadDateTimeOffset(DbDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i).ToUniversalTime();
}
