namespace BaaS.Tool;

/// <summary>
/// <c>baas</c>, the command-line tool for typed DTO references:
/// <code>
/// baas ts https://api.example.org        # add: saves dtos.ts from the server
/// baas ts https://api.example.org my.ts  # add under another name
/// baas ts dtos.ts                        # update one file from the options in its header
/// baas ts                                # update every TypeScript DTO file in the current folder
/// </code>
/// Languages: <c>ts</c>/<c>typescript</c>, <c>cs</c>/<c>csharp</c>, <c>py</c>/<c>python</c>.
/// </summary>
public static class BaasTool
{
    private static readonly Dictionary<string, (string Language, string Extension)> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ts"] = ("typescript", ".ts"), ["typescript"] = ("typescript", ".ts"),
        ["cs"] = ("csharp", ".cs"), ["csharp"] = ("csharp", ".cs"),
        ["py"] = ("python", ".py"), ["python"] = ("python", ".py"),
    };

    /// <summary>Runs the tool; returns the process exit code (0 on success).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpClient? http, string? workingDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var folder = workingDirectory ?? Directory.GetCurrentDirectory();
        if (args.Length == 0 || args[0] is "-h" or "--help" || !Languages.TryGetValue(args[0], out var language))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 || args[0] is "-h" or "--help" ? 0 : 1;
        }

        var ownsClient = http is null;
        http ??= new HttpClient();
        try
        {
            if (args.Length > 1 && (args[1].StartsWith("http://", StringComparison.OrdinalIgnoreCase) || args[1].StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                var file = Path.Combine(folder, args.Length > 2 ? args[2] : "dtos" + language.Extension);
                var url = args[1].TrimEnd('/') + "/types/" + language.Language;
                return await SaveAsync(http, url, file, output, error, cancellationToken).ConfigureAwait(false);
            }

            var files = args.Length > 1
                ? [Path.Combine(folder, args[1])]
                : Directory.GetFiles(folder, "*" + language.Extension).Where(f => IsGenerated(f)).Order(StringComparer.Ordinal).ToArray();
            if (files.Length == 0)
            {
                await error.WriteLineAsync($"No generated {language.Language} DTO files in {folder}. Add one with: baas {args[0]} https://your-server").ConfigureAwait(false);
                return 1;
            }
            var exit = 0;
            foreach (var file in files)
            {
                if (!File.Exists(file))
                {
                    await error.WriteLineAsync($"{file} does not exist. Add a reference with: baas {args[0]} https://your-server {Path.GetFileName(file)}").ConfigureAwait(false);
                    exit = 1;
                    continue;
                }
                DtoHeader header;
                try
                {
                    header = DtoHeader.Parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
                }
                catch (FormatException e)
                {
                    await error.WriteLineAsync($"{file}: {e.Message}").ConfigureAwait(false);
                    exit = 1;
                    continue;
                }
                var code = await SaveAsync(http, header.UrlFor(language.Language), file, output, error, cancellationToken).ConfigureAwait(false);
                if (code != 0) exit = code;
            }
            return exit;
        }
        finally
        {
            if (ownsClient) http.Dispose();
        }
    }

    private const string Usage = """
        baas: add or update typed DTOs from a BaaS server.

          baas <lang> <url> [file]   add: save <url>/types/<language> as dtos.<ext> (or file)
          baas <lang> <file>         update a file from the options in its header
          baas <lang>                update every generated file of that language in this folder

        <lang>: ts | typescript, cs | csharp, py | python
        To change an option, remove the "//" before it in the file's header and update.
        """;

    private static bool IsGenerated(string file)
    {
        using var reader = new StreamReader(file);
        var first = reader.ReadLine();
        return first is not null && first.Contains("Options:", StringComparison.Ordinal);
    }

    private static async Task<int> SaveAsync(HttpClient http, string url, string file, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"{url}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                // The file is left as it was: a failed update never writes a partial or error text into it.
                await error.WriteLineAsync($"{url}: {(int)response.StatusCode} {response.ReasonPhrase}: {body}").ConfigureAwait(false);
                return 1;
            }
            await File.WriteAllTextAsync(file, body, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Saved {file} from {url}").ConfigureAwait(false);
            return 0;
        }
    }
}
