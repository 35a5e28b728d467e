using BaaS.DataAnnotations;

namespace BaaS.RequestLogs;

/// <summary>
/// A row of <c>baas_request_stat</c>: the calls of one period (a minute or an hour) for one value of one dimension
/// (every call, an operation, a status, a user or an API key), added to by the writer with each batch it writes.
/// <c>H00</c>-<c>H39</c> count the calls per duration bucket (<see cref="DurationHistogram"/>).
/// </summary>
[Alias("baas_request_stat")]
[CompositeIndex(nameof(Span), nameof(Dimension), nameof(StartMinute), nameof(DimensionValue), Unique = true)]
[CompositeIndex(nameof(Span), nameof(StartMinute))]
// Few rows are written per batch, so indexes cost the writer little and spare analytics a read of every row in range:
// the sums of a few values (the top users) seek each value; the top values are found from the index alone.
[CompositeIndex(nameof(Span), nameof(Dimension), nameof(DimensionValue), nameof(StartMinute))]
[CompositeIndex(nameof(Span), nameof(Dimension), nameof(StartMinute), nameof(DimensionValue), nameof(Requests))]
internal sealed class RequestStatRecord
{
    [AutoIncrement] public long Id { get; set; }

    /// <summary>The period's length in minutes: 1 or 60.</summary>
    public int Span { get; set; }

    /// <summary><c>all</c>, <c>operation</c>, <c>status</c>, <c>user</c> or <c>apiKey</c>.</summary>
    [StringLength(16)] public string Dimension { get; set; } = "";

    /// <summary>The dimension's value: the operation, the status code, the user id, the API key id; empty for <c>all</c>.</summary>
    [StringLength(256)] public string DimensionValue { get; set; } = "";

    /// <summary>The period's start, in minutes since 1970-01-01 UTC.</summary>
    public long StartMinute { get; set; }

    /// <summary>A name to show (the user's name), the latest seen.</summary>
    [StringLength(256)] public string? Label { get; set; }

    public long Requests { get; set; }

    public long Errors { get; set; }

    public long ServerErrors { get; set; }

    /// <summary>The sum of the calls' durations, in milliseconds.</summary>
    public double TotalMs { get; set; }

    public long H00 { get; set; }

    public long H01 { get; set; }

    public long H02 { get; set; }

    public long H03 { get; set; }

    public long H04 { get; set; }

    public long H05 { get; set; }

    public long H06 { get; set; }

    public long H07 { get; set; }

    public long H08 { get; set; }

    public long H09 { get; set; }

    public long H10 { get; set; }

    public long H11 { get; set; }

    public long H12 { get; set; }

    public long H13 { get; set; }

    public long H14 { get; set; }

    public long H15 { get; set; }

    public long H16 { get; set; }

    public long H17 { get; set; }

    public long H18 { get; set; }

    public long H19 { get; set; }

    public long H20 { get; set; }

    public long H21 { get; set; }

    public long H22 { get; set; }

    public long H23 { get; set; }

    public long H24 { get; set; }

    public long H25 { get; set; }

    public long H26 { get; set; }

    public long H27 { get; set; }

    public long H28 { get; set; }

    public long H29 { get; set; }

    public long H30 { get; set; }

    public long H31 { get; set; }

    public long H32 { get; set; }

    public long H33 { get; set; }

    public long H34 { get; set; }

    public long H35 { get; set; }

    public long H36 { get; set; }

    public long H37 { get; set; }

    public long H38 { get; set; }

    public long H39 { get; set; }

    /// <summary>The count of duration bucket <paramref name="index"/> (0-39).</summary>
    public long Bucket(int index) => index switch
    {
        0 => H00,
        1 => H01,
        2 => H02,
        3 => H03,
        4 => H04,
        5 => H05,
        6 => H06,
        7 => H07,
        8 => H08,
        9 => H09,
        10 => H10,
        11 => H11,
        12 => H12,
        13 => H13,
        14 => H14,
        15 => H15,
        16 => H16,
        17 => H17,
        18 => H18,
        19 => H19,
        20 => H20,
        21 => H21,
        22 => H22,
        23 => H23,
        24 => H24,
        25 => H25,
        26 => H26,
        27 => H27,
        28 => H28,
        29 => H29,
        30 => H30,
        31 => H31,
        32 => H32,
        33 => H33,
        34 => H34,
        35 => H35,
        36 => H36,
        37 => H37,
        38 => H38,
        39 => H39,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Adds <paramref name="count"/> calls to duration bucket <paramref name="index"/> (0-39).</summary>
    public void AddToBucket(int index, long count)
    {
        switch (index)
        {
            case 0: H00 += count; break;
            case 1: H01 += count; break;
            case 2: H02 += count; break;
            case 3: H03 += count; break;
            case 4: H04 += count; break;
            case 5: H05 += count; break;
            case 6: H06 += count; break;
            case 7: H07 += count; break;
            case 8: H08 += count; break;
            case 9: H09 += count; break;
            case 10: H10 += count; break;
            case 11: H11 += count; break;
            case 12: H12 += count; break;
            case 13: H13 += count; break;
            case 14: H14 += count; break;
            case 15: H15 += count; break;
            case 16: H16 += count; break;
            case 17: H17 += count; break;
            case 18: H18 += count; break;
            case 19: H19 += count; break;
            case 20: H20 += count; break;
            case 21: H21 += count; break;
            case 22: H22 += count; break;
            case 23: H23 += count; break;
            case 24: H24 += count; break;
            case 25: H25 += count; break;
            case 26: H26 += count; break;
            case 27: H27 += count; break;
            case 28: H28 += count; break;
            case 29: H29 += count; break;
            case 30: H30 += count; break;
            case 31: H31 += count; break;
            case 32: H32 += count; break;
            case 33: H33 += count; break;
            case 34: H34 += count; break;
            case 35: H35 += count; break;
            case 36: H36 += count; break;
            case 37: H37 += count; break;
            case 38: H38 += count; break;
            case 39: H39 += count; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    /// <summary>The bucket counts, in order.</summary>
    public long[] Histogram()
    {
        var counts = new long[DurationHistogram.Count];
        for (var i = 0; i < counts.Length; i++) counts[i] = Bucket(i);
        return counts;
    }
}
