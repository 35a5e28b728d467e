using OpenTelemetry.Metrics;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>Reads metric points by their tags.</summary>
public static class Metrics
{
    public static IEnumerable<MetricPoint> Points(this MetricSnapshot metric, params (string Key, object? Value)[] tags) =>
        metric.MetricPoints.Where(point => tags.All(tag => point.Has(tag.Key, tag.Value)));

    public static bool Has(this MetricPoint point, string key, object? value)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return Equals(Normalise(tag.Value), Normalise(value));
        return false;
    }

    public static object? Tag(this MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value;
        return null;
    }

    public static long Sum(this MetricSnapshot metric, params (string Key, object? Value)[] tags) =>
        metric.Points(tags).Sum(p => p.GetSumLong());

    public static long HistogramCount(this MetricSnapshot metric, params (string Key, object? Value)[] tags) =>
        metric.Points(tags).Sum(p => p.GetHistogramCount());

    // Counts are tagged with ints, longs or their boxes: compare numbers as numbers.
    private static object? Normalise(object? value) => value is int or long or short ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : value;
}
