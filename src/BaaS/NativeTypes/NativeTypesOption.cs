namespace BaaS.NativeTypes;

/// <summary>A language option listed in a generated file's header: <c>//GlobalNamespace: MyApp</c>.</summary>
/// <param name="Name">The option's name, as written in the header and sent in the query string.</param>
/// <param name="DefaultValue">The value used when it is not given, shown in the header.</param>
/// <param name="Description">What it does, for the docs.</param>
public sealed record NativeTypesOption(string Name, string DefaultValue, string Description);
