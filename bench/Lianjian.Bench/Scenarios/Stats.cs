using System.Globalization;

namespace Lianjian.Bench.Scenarios;

/// <summary>Latencies of one scenario, in milliseconds, with nearest-rank percentiles.</summary>
public sealed record Measurement(string Name, int Clients, IReadOnlyList<double> Latencies, int Errors, double WallSeconds, long Bytes, string Target = "", string? Note = null)
{
    public int Count => Latencies.Count;

    public double P(double percentile)
    {
        if (Latencies.Count == 0) return double.NaN;
        var sorted = Latencies.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public double Max => Latencies.Count == 0 ? double.NaN : Latencies.Max();

    public double PerSecond => WallSeconds > 0 ? Count / WallSeconds : double.NaN;

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    public string Row() =>
        $"| {Name} | {Count} | {Clients} | {Ms(P(50))} | {Ms(P(95))} | {Ms(P(99))} | {Ms(Max)} | {PerSecond.ToString("F0", CultureInfo.InvariantCulture)} | {Errors} | {Target} |";

    public const string Header = "| scenario | n | clients | p50 ms | p95 ms | p99 ms | max ms | req/s | errors | target |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|";
}
