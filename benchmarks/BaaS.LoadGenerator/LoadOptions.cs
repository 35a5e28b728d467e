using System.Globalization;

namespace BaaS.Benchmarks.Load;

/// <summary>What to send: <c>--url U --requests N --connections C [--method POST --body JSON] [--token T] [--max-seconds S] [--label L]</c>.</summary>
public sealed record LoadOptions(Uri Url, int Requests, int Connections, HttpMethod Method, string? Body, string? Token, TimeSpan MaxDuration, string Label)
{
    /// <summary>Reads the command line; throws with the usage when something required is missing.</summary>
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        const string usage = "usage: --url U --requests N --connections C [--method GET|POST] [--body JSON] [--token T] [--max-seconds S] [--label L]";
        var url = Value("--url") ?? throw new ArgumentException(usage);
        var requests = int.Parse(Value("--requests") ?? throw new ArgumentException(usage), CultureInfo.InvariantCulture);
        var connections = int.Parse(Value("--connections") ?? throw new ArgumentException(usage), CultureInfo.InvariantCulture);
        if (requests < 1 || connections < 1) throw new ArgumentException("--requests and --connections must be at least 1");
        return new LoadOptions(
            new Uri(url), requests, connections,
            new HttpMethod(Value("--method") ?? "GET"),
            Value("--body"),
            Value("--token"),
            TimeSpan.FromSeconds(double.Parse(Value("--max-seconds") ?? "300", CultureInfo.InvariantCulture)),
            Value("--label") ?? url);
    }
}
