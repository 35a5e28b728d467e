using BaaS;

namespace MyApp.ServiceModel;

/// <summary>The caller's profile (none until they create one). Any signed-in user.</summary>
[Tag("Profile", Icon = "user"), Route("/my/profile", "GET")]
[ValidateIsAuthenticated, AutoFilter(nameof(CustomerProfile.UserId), Eval = "userAuthId"), AutoApply(Behavior.AuditQuery)]
public class QueryMyProfile : QueryDb<CustomerProfile>;

/// <summary>Creates the caller's profile; a second one is 409. Any signed-in user.</summary>
[Tag("Profile", Icon = "user"), Route("/my/profile", "POST")]
[ValidateIsAuthenticated, AutoApply(Behavior.AuditCreate), AutoPopulate(nameof(CustomerProfile.UserId), Eval = "userAuthId")]
public class CreateMyProfile : ICreateDb<CustomerProfile>, IReturn<IdResponse>, IPost
{
    [ValidateNotEmpty, ValidateMaximumLength(100)]
    public string DisplayName { get; set; } = "";

    [ValidateMaximumLength(30), ValidateRegularExpression(@"^\+?[0-9 ()-]{3,30}$"), Input(Type = "tel")]
    public string? Phone { get; set; }

    [ValidateMaximumLength(200)]
    public string? DefaultAddress { get; set; }
}

/// <summary>Changes the fields sent of the caller's profile. Any signed-in user.</summary>
[Tag("Profile", Icon = "user"), Route("/my/profile/{Id}", "PATCH")]
[ValidateIsAuthenticated, AutoApply(Behavior.AuditModify), AutoFilter(nameof(CustomerProfile.UserId), Eval = "userAuthId")]
public class PatchMyProfile : IPatchDb<CustomerProfile>, IReturn<IdResponse>, IPatch
{
    public int Id { get; set; }

    [ValidateRegularExpression(@"\S", ErrorCode = "NotEmpty", Message = "'{PropertyName}' must not be empty."), ValidateMaximumLength(100)]
    public string? DisplayName { get; set; }

    [ValidateMaximumLength(30), ValidateRegularExpression(@"^\+?[0-9 ()-]{3,30}$"), Input(Type = "tel")]
    public string? Phone { get; set; }

    [ValidateMaximumLength(200)]
    public string? DefaultAddress { get; set; }
}
