using System.Globalization;

namespace Lianjian.Web.Ui.Shared.Charts;

/// <summary>One line of a <see cref="LineChart"/>: a value (or a gap) per label, and where a click on a point leads.</summary>
public sealed record ChartLine(string Name, string Color, IReadOnlyList<double?> Values, bool Dashed = false)
{
    public Func<int, string?>? Href { get; init; }
}

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
public sealed record ChartBar(string Label, double Value, string ValueText, string Color, string? Href = null, string? Note = null);

/// <summary>Axis arithmetic for the SVG charts (pure; unit-tested).</summary>
public static class ChartScale
{
    /// <summary>A "nice" upper bound and step for an axis from 0 to <paramref name="max"/> with about <paramref name="ticks"/> steps.</summary>
    public static (double Top, double Step) Nice(double max, int ticks = 5)
    {
        if (double.IsNaN(max) || max <= 0) return (1, 0.2);
        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (Math.Ceiling(max / step - 1e-9) * step, step);
    }

    /// <summary>An axis value as people write it: 12,000 → "1.2万", 0.5 → "0.5".</summary>
    public static string Format(double value) => Math.Abs(value) >= 10_000
        ? (value / 10_000).ToString("0.#", CultureInfo.InvariantCulture) + "万"
        : value.ToString(Math.Abs(value) >= 100 || value == Math.Floor(value) ? "#,0" : "0.##", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
