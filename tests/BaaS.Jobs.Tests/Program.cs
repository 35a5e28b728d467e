namespace BaaS.Jobs.Tests;

/// <summary>
/// The test assembly doubles as a program: <c>--worker</c> runs a jobs node in its own process (the crash and
/// multi-process tests start and kill it), <c>--bench</c> measures enqueue and throughput. Test runners load the
/// assembly as a library and never call this.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--worker") return await WorkerProcess.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "--bench") return await JobsBenchmark.RunAsync(args[1..]);
        await Console.Error.WriteLineAsync("usage: BaaS.Jobs.Tests --worker <SQLite|PostgreSQL> <connection string> <node> <concurrency> <lease ms>\n" +
            "       BaaS.Jobs.Tests --bench <SQLite|PostgreSQL> <jobs> <nodes> [keep]");
        return 2;
    }
}
