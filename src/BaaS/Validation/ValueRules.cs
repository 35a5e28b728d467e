using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BaaS.Validation;

/// <summary>
/// Turns each declarative validation attribute into a check, once at startup. A check gets the property's value and
/// answers the failure's code and message, or null when the value passes.
/// </summary>
internal static class ValueRules
{
    public delegate (string Code, string Message)? Check(object? value);

    public static Check For(ValidateAttribute attribute, string property, Type propertyType, string owner)
    {
        var check = Create(attribute, property, propertyType, owner);
        if (attribute.Message is null && attribute.ErrorCode is null) return check;
        var message = attribute.Message?.Replace("{PropertyName}", property, StringComparison.Ordinal);
        return value => check(value) is { } failure ? (attribute.ErrorCode ?? failure.Code, message ?? failure.Message) : null;
    }

    private static Check Create(ValidateAttribute attribute, string p, Type type, string owner) => attribute switch
    {
        ValidateNotNullAttribute => v => v is null ? ("NotNull", $"'{p}' must not be empty.") : null,
        ValidateNotEmptyAttribute => v => IsEmpty(v) ? ("NotEmpty", $"'{p}' must not be empty.") : null,
        ValidateGreaterThanAttribute a => Compare(type, owner, p, a.Value, c => c > 0, "GreaterThan", $"must be greater than '{Show(a.Value)}'"),
        ValidateGreaterThanOrEqualAttribute a => Compare(type, owner, p, a.Value, c => c >= 0, "GreaterThanOrEqual", $"must be greater than or equal to '{Show(a.Value)}'"),
        ValidateLessThanAttribute a => Compare(type, owner, p, a.Value, c => c < 0, "LessThan", $"must be less than '{Show(a.Value)}'"),
        ValidateLessThanOrEqualAttribute a => Compare(type, owner, p, a.Value, c => c <= 0, "LessThanOrEqual", $"must be less than or equal to '{Show(a.Value)}'"),
        ValidateInclusiveBetweenAttribute a => Between(type, owner, p, a),
        ValidateLengthAttribute a => Text(type, owner, p, (s, n) => n < a.Min || n > a.Max
            ? ("Length", $"'{p}' must be between {a.Min} and {a.Max} characters. You entered {n} characters.") : null),
        ValidateMaximumLengthAttribute a => Text(type, owner, p, (s, n) => n > a.Max
            ? ("MaximumLength", $"The length of '{p}' must be {a.Max} characters or fewer. You entered {n} characters.") : null),
        ValidateMinimumLengthAttribute a => Text(type, owner, p, (s, n) => n < a.Min
            ? ("MinimumLength", $"The length of '{p}' must be at least {a.Min} characters. You entered {n} characters.") : null),
        ValidateEmailAttribute => Text(type, owner, p, (s, _) => IsEmail(s) ? null : ("Email", $"'{p}' is not a valid email address.")),
        ValidateCreditCardAttribute => Text(type, owner, p, (s, _) => IsCardNumber(s) ? null : ("CreditCard", $"'{p}' is not a valid credit card number.")),
        ValidateRegularExpressionAttribute a => Pattern(type, owner, p, a.Pattern),
        ValidateScalePrecisionAttribute a => ScalePrecision(type, owner, p, a),
        ValidateMaxItemsAttribute a => Items(type, owner, p, a.Max),
        _ => throw new InvalidOperationException($"{owner}.{p}: {attribute.GetType().Name} is not a validation rule BaaS knows."),
    };

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        ICollection c => c.Count == 0,
        IEnumerable e when value is not string => !e.GetEnumerator().MoveNext(),
        _ when value.GetType().IsValueType => value.Equals(Activator.CreateInstance(value.GetType())),
        _ => false,
    };

    private static Check Compare(Type type, string owner, string p, double bound, Func<int, bool> ok, string code, string wording)
    {
        var compare = Comparer(type, owner, p, code);
        return v => v is null || ok(compare(v, bound)) ? null : (code, $"'{p}' {wording}.");
    }

    private static Check Between(Type type, string owner, string p, ValidateInclusiveBetweenAttribute a)
    {
        var compare = Comparer(type, owner, p, "InclusiveBetween");
        return v => v is null || (compare(v, a.From) >= 0 && compare(v, a.To) <= 0)
            ? null
            : ("InclusiveBetween", $"'{p}' must be between {Show(a.From)} and {Show(a.To)}. You entered {Convert.ToString(v, CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Compares a value with a bound: exactly (as decimal) for integers and decimals, as double for floating point.</summary>
    private static Func<object, double, int> Comparer(Type type, string owner, string p, string rule)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(double) || underlying == typeof(float))
            return (v, bound) => Convert.ToDouble(v, CultureInfo.InvariantCulture).CompareTo(bound);
        if (underlying.IsPrimitive && underlying != typeof(bool) && underlying != typeof(char) || underlying == typeof(decimal))
            return (v, bound) => bound > (double)decimal.MaxValue ? -1
                : bound < (double)decimal.MinValue ? 1
                : Convert.ToDecimal(v, CultureInfo.InvariantCulture).CompareTo((decimal)bound);
        throw new InvalidOperationException($"{owner}.{p}: {rule} compares numbers, but the property is {underlying.Name}.");
    }

    private static Check Text(Type type, string owner, string p, Func<string, int, (string, string)?> rule)
    {
        if (type != typeof(string))
            throw new InvalidOperationException($"{owner}.{p}: this rule checks text, but the property is {type.Name}.");
        return v => v is string s ? rule(s, s.Length) : null;
    }

    private static Check Items(Type type, string owner, string p, int max)
    {
        if (type == typeof(string) || type == typeof(byte[]) || !typeof(IEnumerable).IsAssignableFrom(type))
            throw new InvalidOperationException($"{owner}.{p}: MaxItems counts the items of a list, array, set or dictionary, but the property is {type.Name}.");
        if (max < 0) throw new InvalidOperationException($"{owner}.{p}: MaxItems must not be negative.");
        var message = string.Create(CultureInfo.InvariantCulture, $"'{p}' must have {max:N0} items or fewer.");
        return v => v is IEnumerable items && items.Cast<object?>().Take(max + 1).Count() > max ? ("MaxItems", message) : null;
    }

    private static Check Pattern(Type type, string owner, string p, string pattern)
    {
        Regex regex;
        try { regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
        catch (ArgumentException e) { throw new InvalidOperationException($"{owner}.{p}: '{pattern}' is not a valid regular expression: {e.Message}", e); }
        return Text(type, owner, p, (s, _) =>
        {
            try { return regex.IsMatch(s) ? null : ("RegularExpression", $"'{p}' is not in the correct format."); }
            catch (RegexMatchTimeoutException) { return ("RegularExpression", $"'{p}' is not in the correct format."); }
        });
    }

    private static Check ScalePrecision(Type type, string owner, string p, ValidateScalePrecisionAttribute a)
    {
        if ((Nullable.GetUnderlyingType(type) ?? type) != typeof(decimal))
            throw new InvalidOperationException($"{owner}.{p}: ScalePrecision checks decimals, but the property is {type.Name}.");
        return v =>
        {
            if (v is not decimal d) return null;
            var scale = d.Scale;
            var integerDigits = Math.Truncate(Math.Abs(d)) is var whole && whole == 0 ? 0 : whole.ToString(CultureInfo.InvariantCulture).Length;
            return scale > a.Scale || integerDigits > a.Precision - a.Scale
                ? ("ScalePrecision", $"'{p}' must not be more than {a.Precision} digits in total, with allowance for {a.Scale} decimals. {integerDigits + scale} digits and {scale} decimals were found.")
                : null;
        };
    }

    private static bool IsEmail(string s)
    {
        var at = s.IndexOf('@');
        return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 1 && !s.Any(char.IsWhiteSpace);
    }

    private static bool IsCardNumber(string s)
    {
        var digits = s.Where(c => c is not (' ' or '-')).ToArray();
        if (digits.Length is < 13 or > 19 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var n = digits[^(i + 1)] - '0';
            if (i % 2 == 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
            sum += n;
        }
        return sum % 10 == 0;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
