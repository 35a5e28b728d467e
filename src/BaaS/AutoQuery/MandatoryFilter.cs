using BaaS.Data;
using Microsoft.AspNetCore.Http;

namespace BaaS.AutoQuery;

/// <summary>
/// A condition every query, update and delete of a DTO carries (an <see cref="AutoFilterAttribute"/>, or the soft-delete
/// filter), added as an ensured condition that no OR can escape.
/// </summary>
internal sealed record MandatoryFilter(string Field, SqlOperator Op, Func<HttpContext, TimeProvider, object?> Value, bool NeedsUser, string Owner)
{
    /// <summary>The value for this request; a user-dependent value with nobody signed in refuses the request.</summary>
    public object? Resolve(HttpContext context, TimeProvider clock)
    {
        var value = Value(context, clock);
        if (value is null && NeedsUser)
            throw HttpError.Unauthorized($"Sign in: {Owner} only shows and changes your own rows.");
        return value;
    }

    public static MandatoryFilter From(AutoFilterAttribute filter, FieldLookup fields, string owner)
    {
        if (!fields.Has(filter.Field))
            throw new InvalidOperationException($"{owner}: [AutoFilter] names '{filter.Field}', which is not a field of {fields.ModelNames}" +
                (fields.Suggest(filter.Field) is { } s ? $" (did you mean '{s}'?)" : "."));
        var op = filter.Operand is null ? SqlOperator.Equal : QueryConventions.Operand(filter.Operand)
            ?? throw new InvalidOperationException($"{owner}: [AutoFilter] operand '{filter.Operand}' is not one of {QueryConventions.OperandList}.");
        if (filter.Eval is not null)
            return new MandatoryFilter(filter.Field, op, ServerValues.Resolver(filter.Eval, owner), ServerValues.IsUserValue(filter.Eval), owner);
        var constant = filter.Value;
        return new MandatoryFilter(filter.Field, op, (_, _) => constant, false, owner);
    }
}
