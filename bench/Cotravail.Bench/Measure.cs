using System.Diagnostics;

namespace Cotravail.Bench;

/// What one run of an operation at one concurrency gave: throughput, latency percentiles, outcomes.
internal sealed record RunResult(int Concurrency, int Operations, double Seconds, double P50, double P95, double P99, IReadOnlyDictionary<string, int> Outcomes)
{
    public double PerSecond => Operations / Seconds;
}

/// Runs `operation` from `concurrency` workers for a bounded time and a bounded count; each call
/// returns its outcome ("ok", "409", "error: …").
internal static class Measure
{
    public static async Task<RunResult> RunAsync(int concurrency, TimeSpan duration, int maxOperations, Func<int, Task<string>> operation)
    {
        var latencies = new List<double>[concurrency];
        var outcomes = new Dictionary<string, int>[concurrency];
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            outcomes[w] = [];
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref issued);
                if (n > maxOperations)
                {
                    break;
                }
                var started = Stopwatch.GetTimestamp();
                var outcome = await operation(n);
                latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                outcomes[w][outcome] = outcomes[w].GetValueOrDefault(outcome) + 1;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var merged = outcomes.SelectMany(o => o).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        return new RunResult(concurrency, all.Length, seconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), merged);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
