using System.Diagnostics;

namespace BaaS.Data.Benchmarks;

/// <summary>
/// A measured pair: the baseline (Dapper) and the candidate (BaaS.Data) run in alternating rounds on the same
/// connection, so drift (caches, table growth, the other process on a 2-core box) hits both equally. Each round
/// times a batch of operations; the result is the median round, per operation.
/// </summary>
public static class Harness
{
    public sealed record Result(string Database, string Scenario, double BaselineUs, double CandidateUs)
    {
        public double Ratio => CandidateUs / BaselineUs;
    }

    public static Result Compare(string database, string scenario, Action baseline, Action candidate, int opsPerRound, int rounds)
    {
        // Warm-up: JIT tiering, statement caches, materialisers.
        for (var i = 0; i < Math.Max(3, opsPerRound); i++)
        {
            baseline();
            candidate();
        }
        var b = new List<double>();
        var c = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            // Alternate which goes first so neither always runs on a warmer cache.
            if (r % 2 == 0)
            {
                b.Add(Time(baseline, opsPerRound));
                c.Add(Time(candidate, opsPerRound));
            }
            else
            {
                c.Add(Time(candidate, opsPerRound));
                b.Add(Time(baseline, opsPerRound));
            }
        }
        return new Result(database, scenario, Median(b), Median(c));
    }

    private static double Time(Action action, int ops)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++) action();
        return sw.Elapsed.TotalMicroseconds / ops;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
