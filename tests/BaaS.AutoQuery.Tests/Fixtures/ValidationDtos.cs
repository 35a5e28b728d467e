using BaaS.AutoQuery;
using FluentValidation;

namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>Every declarative rule, on one DTO served by a hand-written service.</summary>
public class ValidateEverything : IReturn<EmptyResponse>, IPost
{
    [ValidateNotNull] public string? Required { get; set; }
    [ValidateNotEmpty] public List<int>? Items { get; set; }
    [ValidateLessThan(10)] public int Small { get; set; }
    [ValidateInclusiveBetween(1, 5)] public double Stars { get; set; } = 3;
    [ValidateLength(2, 4)] public string? Code { get; set; }
    [ValidateMinimumLength(3)] public string? Nick { get; set; }
    [ValidateEmail] public string? Email { get; set; }
    [ValidateRegularExpression("^[A-Z]{3}$")] public string? Currency { get; set; }
    [ValidateCreditCard] public string? Card { get; set; }
    [ValidateGreaterThanOrEqual(18)] public int? Age { get; set; }
    [ValidateLessThanOrEqual(100)] public long? Percent { get; set; }
    [ValidateGreaterThan(0), ValidateScalePrecision(2, 6)] public decimal? Amount { get; set; }
    [ValidateNotEmpty(Message = "Say something about {PropertyName}", ErrorCode = "Custom")] public string? Remark { get; set; } = "x";
}

#region snippet:validation-fluent
/// <summary>A FluentValidation rule beside the declarative ones: found in the service assemblies.</summary>
public class ValidateEverythingValidator : AbstractValidator<ValidateEverything>
{
    public ValidateEverythingValidator()
    {
        RuleFor(x => x.Nick).NotEqual("admin").WithMessage("The nick 'admin' is reserved.");
    }
}
#endregion

#region snippet:validation-attributes
/// <summary>A validated create: invalid input never reaches the database.</summary>
[ValidateIsAuthenticated, AutoPopulate(nameof(Dish.TenantId), Eval = "userAuthId")]
public class CreateValidatedDish : ICreateDb<Dish>, IReturn<IdResponse>
{
    [ValidateNotEmpty, ValidateMaximumLength(40)]
    public string Name { get; set; } = "";

    [ValidateGreaterThan(0), ValidateScalePrecision(2, 8)]
    public decimal Price { get; set; }
}
#endregion

/// <summary>A hand-written query that starts from AutoQuery's and adds a condition.</summary>
public class QueryCheapBooks : QueryDb<Book>
{
    public BookGenre? Genre { get; set; }
}

public class HandWrittenServices(IAutoQueryDb autoQuery) : Service
{
    public EmptyResponse Post(ValidateEverything request) => new();

    #region snippet:autoquery-extend
    public async Task<QueryResponse<Book>> Get(QueryCheapBooks request)
    {
        var db = await OpenDbAsync();
        var q = autoQuery.CreateQuery(request, HttpContext, db);
        q.And(b => b.Price < 12);
        return await autoQuery.ExecuteAsync(request, q, db, CancellationToken);
    }
    #endregion
}
