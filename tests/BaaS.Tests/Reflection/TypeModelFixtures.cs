using System.ComponentModel;

namespace BaaS.Tests.Reflection;

// Types the TypeModel tests describe: one shape per case, kept apart from the fixtures the hosts serve.

public class ModelBase
{
    public virtual string? OrderBy { get; set; } = "base";
    public int Id { get; set; }
    public string? Hidden { get; set; }
    [Description("from the base")] [ValidateNotEmpty] public virtual string Title { get; set; } = "";
}

public class ModelDerived : ModelBase
{
    public override string? OrderBy { get; set; } = "-Id";
    public new int Hidden { get; set; }
    public override string Title { get; set; } = "";
    public decimal? Rating { get; set; }
    public List<string>? Tags { get; set; }
    public string Name { get; set; } = "";
    public DateTime Created { get; init; }
    public int ReadOnly => Id * 2;
    public string WriteOnly { set => Name = value; }
    public string PrivateGetter { private get; set; } = "secret";
    public required string Code { get; set; }
    [ApiMember(IsRequired = true)] public string? Marked { get; set; }
    public string this[int index] => Name;
}

public class ModelGetterOnlyOverride : ModelBase
{
    public override string? OrderBy => "fixed";
}

public struct ModelPoint
{
    public int X { get; set; }
}

public class ModelGeneric<T>
{
    public T? Value { get; set; }
    public List<T> Items { get; set; } = [];
}
