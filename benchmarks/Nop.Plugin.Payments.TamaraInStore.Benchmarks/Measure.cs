using System.Diagnostics;

namespace Nop.Plugin.Payments.TamaraInStore.Benchmarks;

/// <summary>Percentiles, memory samples and table printing</summary>
public static class Measure
{
    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.OrderBy(value => value).ToList();
        var rank = (int)Math.Ceiling(percentile / 100d * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static double Ms(TimeSpan elapsed) => elapsed.TotalMilliseconds;

    public static double MegaBytes(long bytes) => bytes / 1024d / 1024d;

    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
    }

    public static string F(double value, string format = "0.0") => double.IsNaN(value) ? "-" : value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Samples the managed heap and the working set in the background and keeps the peaks</summary>
public sealed class MemoryPeaks : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public MemoryPeaks()
    {
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public long PeakHeap { get; private set; }

    public long PeakWorkingSet { get; private set; }

    private void Sample()
    {
        PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
        PeakWorkingSet = Math.Max(PeakWorkingSet, Measure.WorkingSet());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        Sample();
    }
}
