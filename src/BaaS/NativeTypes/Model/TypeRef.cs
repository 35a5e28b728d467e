namespace BaaS.NativeTypes.Model;

/// <summary>What a reference to a type is, once resolved against the metadata.</summary>
internal enum RefKind
{
    /// <summary>A .NET scalar: <see cref="TypeRef.Name"/> is <c>Int32</c>, <c>String</c>, <c>DateTime</c>, <c>Object</c>...</summary>
    Scalar,
    /// <summary><c>byte[]</c>: base64 text on the wire.</summary>
    Bytes,
    /// <summary>An <see cref="UploadedFile"/>: a file part of a multipart request, never JSON.</summary>
    File,
    /// <summary><c>Nullable&lt;T&gt;</c> of <see cref="TypeRef.Args"/>[0].</summary>
    Nullable,
    /// <summary>A list, set or enumerable of <see cref="TypeRef.Args"/>[0].</summary>
    List,
    /// <summary>An array of <see cref="TypeRef.Args"/>[0].</summary>
    Array,
    /// <summary>A dictionary from <see cref="TypeRef.Args"/>[0] to [1].</summary>
    Dictionary,
    /// <summary>A type of the app or the contract, <see cref="TypeRef.Type"/>, closed over <see cref="TypeRef.Args"/>.</summary>
    Named,
    /// <summary>A generic parameter such as <c>T</c>.</summary>
    Param,
}

/// <summary>A resolved type reference: <c>List&lt;QueryResponse&lt;Item&gt;&gt;</c> is List(Named(QueryResponse, [Named(Item)])).</summary>
internal sealed record TypeRef(RefKind Kind, string Name, ClientType? Type = null, IReadOnlyList<TypeRef>? Args = null)
{
    public IReadOnlyList<TypeRef> Arguments => Args ?? [];

    /// <summary>True for values that are never null on the wire (numbers, booleans, dates, enums...), unless wrapped in Nullable.</summary>
    public bool IsValueType => Kind switch
    {
        RefKind.Scalar => Name is not ("String" or "Object" or "Uri"),
        RefKind.Named => Type!.Meta.IsEnum == true,
        _ => false,
    };

    /// <summary>Named types and everything inside generic arguments, for dependency walks.</summary>
    public IEnumerable<ClientType> NamedTypes()
    {
        if (Type is not null) yield return Type;
        foreach (var argument in Arguments)
            foreach (var type in argument.NamedTypes())
                yield return type;
    }

    /// <summary>Without a Nullable wrapper.</summary>
    public TypeRef Unwrapped => Kind == RefKind.Nullable ? Args![0] : this;
}
