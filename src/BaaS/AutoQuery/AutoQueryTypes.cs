namespace BaaS.AutoQuery;

/// <summary>What kind of AutoQuery DTO a type is, read from the contract interfaces it implements.</summary>
internal static class AutoQueryTypes
{
    /// <summary>The model and row types of a query DTO, or null when it is not one.</summary>
    public static (Type Model, Type Into)? QueryTypesOf(Type dtoType)
    {
        foreach (var iface in dtoType.GetInterfaces().Where(i => i.IsGenericType))
        {
            var def = iface.GetGenericTypeDefinition();
            var args = iface.GetGenericArguments();
            if (def == typeof(IQueryDb<,>)) return (args[0], args[1]);
        }
        foreach (var iface in dtoType.GetInterfaces().Where(i => i.IsGenericType))
        {
            if (iface.GetGenericTypeDefinition() == typeof(IQueryDb<>))
            {
                var model = iface.GetGenericArguments()[0];
                return (model, model);
            }
        }
        return null;
    }

    /// <summary>The CRUD kind and model of a CRUD DTO, or null when it is not one.</summary>
    public static (CrudKind Kind, Type Model)? CrudTypesOf(Type dtoType)
    {
        foreach (var iface in dtoType.GetInterfaces().Where(i => i.IsGenericType))
        {
            var def = iface.GetGenericTypeDefinition();
            CrudKind? kind = def == typeof(ICreateDb<>) ? CrudKind.Create
                : def == typeof(IUpdateDb<>) ? CrudKind.Update
                : def == typeof(IPatchDb<>) ? CrudKind.Patch
                : def == typeof(IDeleteDb<>) ? CrudKind.Delete
                : def == typeof(ISaveDb<>) ? CrudKind.Save
                : null;
            if (kind is not null) return (kind.Value, iface.GetGenericArguments()[0]);
        }
        return null;
    }
}

/// <summary>The kinds of CRUD operation AutoQuery implements.</summary>
public enum CrudKind
{
    /// <summary>Insert.</summary>
    Create,
    /// <summary>Replace the declared fields.</summary>
    Update,
    /// <summary>Change the sent fields.</summary>
    Patch,
    /// <summary>Delete (or soft-delete).</summary>
    Delete,
    /// <summary>Insert or update.</summary>
    Save,
}
