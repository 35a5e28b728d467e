namespace BaaS.RequestLogs;

/// <summary>
/// The fixed duration buckets that analytics count calls in, and percentiles read back from summed counts. Bucket 0
/// holds durations under 0.1 ms; bucket <c>i</c> (1-38) holds [0.1 × √2^(i-1), 0.1 × √2^i) ms; bucket 39 holds
/// everything from 0.1 × 2^19 ms (52.4 s) up. A percentile is the bucket that holds the exact (nearest-rank) percentile,
/// answered as the bucket's geometric middle, so it is within a factor 2^(1/4) (19%) of the exact value; below 0.1 ms
/// it answers 0.05 ms (within 0.05 ms), from 52.4 s up it answers 52.4 s (a lower bound).
/// </summary>
internal static class DurationHistogram
{
    /// <summary>How many buckets.</summary>
    public const int Count = 40;

    /// <summary>The lower bound of bucket 1, in milliseconds.</summary>
    public const double FirstBoundMs = 0.1;

    /// <summary>The most a reported percentile (between 0.1 ms and 52.4 s) is off the exact one, as a factor.</summary>
    public static readonly double ErrorFactor = Math.Pow(2, 0.25);

    // LowerBounds[i] is the least duration of bucket i (bucket 0 starts at 0).
    private static readonly double[] LowerBounds = BuildBounds();

    private static double[] BuildBounds()
    {
        var bounds = new double[Count];
        for (var i = 1; i < Count; i++) bounds[i] = FirstBoundMs * Math.Pow(2, (i - 1) / 2.0);
        return bounds;
    }

    /// <summary>The least duration (ms) of bucket <paramref name="index"/>.</summary>
    public static double LowerBound(int index) => LowerBounds[index];

    /// <summary>The bucket of a duration in milliseconds.</summary>
    public static int BucketOf(double ms)
    {
        if (!(ms >= FirstBoundMs)) return 0; // also NaN
        // The last bucket whose lower bound is at most ms.
        var index = Array.BinarySearch(LowerBounds, ms);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>
    /// The <paramref name="percentile"/> (0-1) of the durations counted in <paramref name="counts"/> (one count per
    /// bucket), by nearest rank; 0 when nothing was counted.
    /// </summary>
    public static double Percentile(ReadOnlySpan<long> counts, long total, double percentile)
    {
        if (total <= 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return Estimate(i);
        }
        return Estimate(Count - 1);
    }

    /// <summary>What a percentile that falls in bucket <paramref name="index"/> is answered as.</summary>
    public static double Estimate(int index) => index switch
    {
        0 => FirstBoundMs / 2,
        Count - 1 => LowerBounds[Count - 1],
        _ => LowerBounds[index] * ErrorFactor,
    };
}
