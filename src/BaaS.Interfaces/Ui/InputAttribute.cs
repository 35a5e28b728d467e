namespace BaaS;

/// <summary>
/// How a property of a request DTO is edited in generated forms (the Admin UI, the API Explorer):
/// <c>[Input(Type = "textarea", Label = "About", Help = "Shown on the menu")]</c>. Unset members keep what the
/// property's type implies (text, number, date and time, checkbox, select for enums).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class InputAttribute : Attribute
{
    /// <summary>
    /// The input: <c>text</c>, <c>textarea</c>, <c>number</c>, <c>checkbox</c>, <c>select</c>, <c>date</c>,
    /// <c>datetime-local</c>, <c>time</c>, <c>email</c>, <c>url</c>, <c>tel</c>, <c>password</c>, <c>color</c>,
    /// <c>json</c> or <c>tags</c> (a list of strings).
    /// </summary>
    public string? Type { get; set; }

    /// <summary>The field's label; the property's name in words when unset.</summary>
    public string? Label { get; set; }

    /// <summary>A sentence under the field.</summary>
    public string? Help { get; set; }

    /// <summary>Shown in an empty field.</summary>
    public string? Placeholder { get; set; }

    /// <summary>The choices of a <c>select</c> (or suggestions of a text field), e.g. <c>["Thai", "Indian"]</c>.</summary>
    public string[]? Options { get; set; }

    /// <summary>Lines of a <c>textarea</c>.</summary>
    public int Rows { get; set; }

    /// <summary>The step of a <c>number</c>, e.g. <c>"0.01"</c>.</summary>
    public string? Step { get; set; }

    /// <summary>Left out of generated forms (the server still accepts it).</summary>
    public bool Hidden { get; set; }

    /// <summary>Orders fields in a form: lower first; fields without one keep the property order after those with one.</summary>
    public int Order { get; set; }
}
