using System.Globalization;

namespace Lianjian.Bench.Scenarios;

/// <summary>The app server's resident memory from /proc/&lt;pid&gt;/status (VmRSS now, VmHWM = peak since start).</summary>
public sealed class ServerMemory(int? pid)
{
    public bool Available => pid is { } p && File.Exists($"/proc/{p}/status");

    public (double RssMb, double PeakMb)? Read()
    {
        if (pid is not { } p) return null;
        try
        {
            var lines = File.ReadAllLines($"/proc/{p}/status");
            return (Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// CPU seconds the server has used since it started (utime + stime of /proc/&lt;pid&gt;/stat, in clock ticks of 1/100 s).
    /// The difference over a scenario divided by its requests is the server's CPU per request, which a loaded machine
    /// does not inflate as much as the latency (waiting for a core costs no CPU time).
    /// </summary>
    public double? CpuSeconds()
    {
        if (pid is not { } p) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{p}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Samples VmRSS every 100 ms until cancelled; returns the highest sample.</summary>
    public async Task<double> SampleMaxAsync(CancellationToken ct)
    {
        var max = 0.0;
        while (!ct.IsCancellationRequested)
        {
            if (Read() is { } now) max = Math.Max(max, now.RssMb);
            try
            {
                await Task.Delay(100, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return max;
    }

    private static double Field(string[] lines, string name)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        if (line is null) return double.NaN;
        var kb = long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
