namespace BaaS;

/// <summary>
/// The icon of a data model or request DTO in generated UIs: one of the built-in names (<c>[Icon("store")]</c>:
/// home, table, store, menu, receipt, truck, star, user, users, key, shield, clock, database, tag, box, chart, file, cog,
/// mail, map, card), or <see cref="Svg"/>, path data of your own drawing.
/// </summary>
/// <param name="name">A built-in icon's name.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class IconAttribute(string? name = null) : Attribute
{
    /// <summary>A built-in icon's name.</summary>
    public string? Name { get; } = name;

    /// <summary>SVG path data of your own (the <c>d</c> of a 24×24 path), drawn in place of <see cref="Name"/>.</summary>
    public string? Svg { get; set; }
}
