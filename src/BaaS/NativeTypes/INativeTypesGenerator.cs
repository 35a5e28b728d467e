namespace BaaS.NativeTypes;

/// <summary>
/// Writes the DTOs of an app in one client language, from the app's <see cref="Metadata.AppMetadata"/> alone, served at
/// <c>/types/{Language}</c>. The file opens with a header of its options (see <see cref="NativeTypesOptions"/>).
/// </summary>
public interface INativeTypesGenerator
{
    /// <summary>The path segment after <c>/types/</c>: <c>typescript</c>, <c>csharp</c>, <c>python</c>.</summary>
    string Language { get; }

    /// <summary>The file name tools save the output as: <c>dtos.ts</c>.</summary>
    string FileName { get; }

    /// <summary>The options this language understands beside <c>BaseUrl</c>, <c>IncludeTypes</c> and <c>ExcludeTypes</c>.</summary>
    IReadOnlyList<NativeTypesOption> LanguageOptions { get; }

    /// <summary>
    /// The source text. Throws <see cref="NativeTypesException"/>, naming the type, for anything that cannot be written
    /// in this language.
    /// </summary>
    string Generate(Metadata.AppMetadata metadata, NativeTypesOptions options);
}
