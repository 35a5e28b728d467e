using System.Reflection;

namespace BaaS.AutoQuery;

/// <summary>AutoQuery's options, set once in <c>AddAutoQuery</c>: read at startup, fixed afterwards.</summary>
public sealed class AutoQueryOptions
{
    /// <summary>The most rows one query returns, whatever <c>take</c> asks. Default: 100.</summary>
    public int MaxLimit { get; set; } = 100;

    /// <summary>Count all matching rows for every query, as if it asked <c>include=total</c>. Default: false.</summary>
    public bool IncludeTotal { get; set; }

    /// <summary>
    /// Read filters from query-string keys the DTO does not declare (<c>?RatingGreaterThan=4</c>); a key that names no
    /// field and no convention is then a 400 naming it. Default: true.
    /// </summary>
    public bool EnableImplicitFilters { get; set; } = true;

    /// <summary>
    /// Write every create, update, patch, save and delete to the <c>crud_event</c> table in the same transaction, and
    /// serve <c>QueryCrudEvents</c> (Admin only). The table is created at startup when missing. Default: true.
    /// </summary>
    public bool EnableAuditLog { get; set; } = true;

    /// <summary>
    /// Assemblies whose query and CRUD DTOs are implemented. Default (empty): the service assemblies given to
    /// <c>AddBaaS</c> and the assemblies they reference that use BaaS.Interfaces (the app's DTO project).
    /// </summary>
    public List<Assembly> Assemblies { get; } = [];

    /// <summary>DTO types to implement beside (or, with no <see cref="Assemblies"/> given, instead of) scanned ones.</summary>
    public List<Type> Types { get; } = [];
}
