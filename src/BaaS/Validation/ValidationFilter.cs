using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Validation;

/// <summary>
/// Runs a request DTO's declarative rules (<see cref="ValidateAttribute"/>s) and any FluentValidation
/// <c>AbstractValidator&lt;TDto&gt;</c> found in the service and DTO assemblies, after binding and before the service,
/// on every path; all failures come back together as field errors of one 400. Which operations have rules is decided
/// once at startup.
/// </summary>
internal sealed class ValidationFilter(IOptions<BaaSOptions> options, IEnumerable<BaaSFeature> features) : IOperationFilter
{
    // Written once per operation at startup, read on every request: no lock on the request path.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, (DeclarativeRules Rules, ObjectFactory[] Validators)> _byType = new();
    private Dictionary<Type, List<Type>>? _validatorTypes;

    public int Order => FilterOrder.Validation;

    public bool AppliesTo(Operation operation)
    {
        var rules = DeclarativeRules.For(operation.RequestType);
        var validators = ValidatorTypes().GetValueOrDefault(operation.RequestType) ?? [];
        if (rules.IsEmpty && validators.Count == 0) return false;
        _byType[operation.RequestType] = (rules, [.. validators.Select(v => ActivatorUtilities.CreateFactory(v, Type.EmptyTypes))]);
        return true;
    }

    public async ValueTask InvokeAsync(OperationContext run, OperationFilterDelegate next)
    {
        var context = run.HttpContext;
        var request = run.Request;
        var entry = _byType[run.Operation.RequestType];
        var errors = new List<ResponseError>();
        entry.Rules.Validate(request!, errors);
        foreach (var factory in entry.Validators)
        {
            var validator = (IValidator)factory(context.RequestServices, null);
            var context1 = new ValidationContext<object>(request!);
            var result = await validator.ValidateAsync(context1, context.RequestAborted).ConfigureAwait(false);
            foreach (var failure in result.Errors)
            {
                // FluentValidation names its codes after validators ("NotEmptyValidator"); the wire uses the rule's name.
                var code = failure.ErrorCode?.EndsWith("Validator", StringComparison.Ordinal) == true ? failure.ErrorCode[..^"Validator".Length] : failure.ErrorCode;
                if (!errors.Exists(e => e.FieldName == failure.PropertyName && e.Message == failure.ErrorMessage))
                    errors.Add(new ResponseError(code ?? "Invalid", failure.PropertyName, failure.ErrorMessage));
            }
        }
        if (errors.Count > 0) throw HttpError.Validation(errors);
        await next(run).ConfigureAwait(false);
    }

    /// <summary>Concrete <c>IValidator&lt;T&gt;</c> classes of the service assemblies and the DTO assemblies they reference, by T.</summary>
    private Dictionary<Type, List<Type>> ValidatorTypes()
    {
        if (_validatorTypes is not null) return _validatorTypes;
        var assemblies = Hosting.AppAssemblies.Of(options.Value, features);
        var map = new Dictionary<Type, List<Type>>();
        foreach (var type in assemblies.SelectMany(Hosting.AppAssemblies.TypesOf).Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                var dto = iface.GetGenericArguments()[0];
                if (!map.TryGetValue(dto, out var list)) map[dto] = list = [];
                list.Add(type);
            }
        }
        return _validatorTypes = map;
    }
}
