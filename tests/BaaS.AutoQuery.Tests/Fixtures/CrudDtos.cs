using BaaS.DataAnnotations;

namespace BaaS.AutoQuery.Tests.Fixtures;

/// <summary>A dish on a tenant's menu: audited, soft-deletable, versioned.</summary>
public class Dish : AuditBase
{
    [AutoIncrement]
    public int Id { get; set; }
    public string Name { get; set; } = "";
    [DecimalLength(8, 2)]
    public decimal Price { get; set; }
    public string? Description { get; set; }
    public string Status { get; set; } = "";
    [Index(Unique = true)]
    public string? Sku { get; set; }
    public string TenantId { get; set; } = "";
    public Guid? Ref { get; set; }
    public string? CreatedIp { get; set; }
    public int? Calories { get; set; }
    [RowVersion]
    public long RowVersion { get; set; }
}

#region snippet:autoquery-create
[ValidateIsAuthenticated, AutoApply(Behavior.AuditCreate)]
[AutoPopulate(nameof(Dish.TenantId), Eval = "userAuthId"), AutoPopulate(nameof(Dish.CreatedIp), Eval = "remoteIp"), AutoPopulate(nameof(Dish.Ref), Eval = "newGuid")]
public class CreateDish : ICreateDb<Dish>, IReturn<IdResponse>
{
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public string? Description { get; set; }
    public string? Sku { get; set; }

    [AutoDefault(Value = "Draft")]
    public string? Status { get; set; }
}
#endregion

[ValidateIsAuthenticated, AutoApply(Behavior.AuditCreate), AutoPopulate(nameof(Dish.TenantId), Eval = "userAuthId")]
public class CreateDishReturningRow : ICreateDb<Dish>, IReturn<Dish>
{
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public int? Calories { get; set; }
}

[ValidateIsAuthenticated, AutoApply(Behavior.AuditModify), AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId")]
public class UpdateDish : IUpdateDb<Dish>, IReturn<IdResponse>
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
    public string? Description { get; set; }
}

#region snippet:autoquery-patch
[ValidateIsAuthenticated, AutoApply(Behavior.AuditModify), AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId")]
public class PatchDish : IPatchDb<Dish>, IReturn<Dish>
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public decimal? Price { get; set; }
    public string? Description { get; set; }
    public long? RowVersion { get; set; }
}
#endregion

#region snippet:autoquery-delete
[ValidateIsAuthenticated, AutoApply(Behavior.AuditSoftDelete), AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId")]
public class DeleteDish : IDeleteDb<Dish>, IReturnVoid
{
    public int Id { get; set; }
}
#endregion

[ValidateIsAuthenticated, AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId")]
public class DeleteDishesByName : IDeleteDb<Dish>, IReturn<IdResponse>
{
    public string? Name { get; set; }
}

[ValidateIsAuthenticated, AutoApply(Behavior.AuditCreate), AutoApply(Behavior.AuditModify)]
[AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId"), AutoPopulate(nameof(Dish.TenantId), Eval = "userAuthId")]
public class SaveDish : ISaveDb<Dish>, IReturn<IdResponse>
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public decimal Price { get; set; }
}

[ValidateIsAuthenticated, AutoApply(Behavior.AuditQuery), AutoFilter(nameof(Dish.TenantId), Eval = "userAuthId")]
public class QueryDishes : QueryDb<Dish>
{
    public string? Name { get; set; }
}
