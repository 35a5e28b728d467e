using System.Reflection;
using System.Runtime.Serialization;

namespace BaaS.Text;

/// <summary>
/// What the wire format knows of an enum type, built once: its names (honouring <c>[EnumMember(Value)]</c>), whether
/// it travels as a number, and case-insensitive parsing of names and numbers.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
public sealed class EnumInfo<T> where T : struct, Enum
{
    /// <summary>The single instance for <typeparamref name="T"/>.</summary>
    public static EnumInfo<T> Instance { get; } = new();

    private readonly Dictionary<string, T> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<T, string> _nameOf = [];
    private readonly HashSet<long> _numbers = [];
    private readonly bool _isFlags;

    private EnumInfo()
    {
        var type = typeof(T);
        _isFlags = type.IsDefined(typeof(FlagsAttribute), false);
        WriteAsNumber = WireFormat.IsNumericEnum(type);
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            var wireName = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            _byName[wireName] = value;
            _byName.TryAdd(field.Name, value);
            _nameOf.TryAdd(value, wireName);
            _numbers.Add(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        NameList = string.Join(", ", _nameOf.Values);
    }

    /// <summary>True for <c>[Flags]</c> enums and enums marked <c>EnumAsInt</c>.</summary>
    public bool WriteAsNumber { get; }

    /// <summary>The names, comma separated, for error messages.</summary>
    public string NameList { get; }

    /// <summary>The wire name of a defined value, or null.</summary>
    public string? NameOf(T value) => _nameOf.GetValueOrDefault(value);

    /// <summary>Reads a name (flags: names separated by commas) or a number written as text.</summary>
    public bool TryParse(string text, out T value)
    {
        text = text.Trim();
        if (_byName.TryGetValue(text, out value)) return true;
        if (long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return TryFromNumber(number, out value);
        if (_isFlags && text.Contains(','))
        {
            long bits = 0;
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!_byName.TryGetValue(part, out var one)) { value = default; return false; }
                bits |= Convert.ToInt64(one, System.Globalization.CultureInfo.InvariantCulture);
            }
            value = (T)Enum.ToObject(typeof(T), bits);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>A number the enum defines (flags: any combination of defined bits).</summary>
    public bool TryFromNumber(long number, out T value)
    {
        var ok = _numbers.Contains(number);
        if (!ok && _isFlags)
        {
            long all = 0;
            foreach (var n in _numbers) all |= n;
            ok = (number & ~all) == 0;
        }
        value = ok ? (T)Enum.ToObject(typeof(T), number) : default;
        return ok;
    }
}
