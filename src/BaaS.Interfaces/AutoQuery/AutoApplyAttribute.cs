namespace BaaS;

/// <summary>Applies a named <see cref="Behavior"/> to an AutoQuery DTO: <c>[AutoApply(Behavior.AuditCreate)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AutoApplyAttribute(string name, params string[] args) : Attribute
{
    /// <summary>The behaviour's name.</summary>
    public string Name { get; } = name;

    /// <summary>Its arguments.</summary>
    public string[] Args { get; } = args;
}
