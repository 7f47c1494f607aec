using System.Runtime.InteropServices;
using System.Text;

namespace JepBot.Benchmarks;

public sealed record Report(string Table, string Markdown)
{
    private const string Stock = "stock echo";
    private const string Tuned = "tuned echo";
    public const string Jep = "JepBot Werkwijze (SQLite)";

    public const string JepAzure = "JepBot Werkwijze (Azure on Azurite)";

    public static Report Build(bool quick, string command, List<LoadResult> results, Dictionary<string, long> peaks, Dictionary<string, List<double>> cold,
        double stateConversation, double stateUser, int seedCount, long seededPeak, int seededTurns, double seededSeconds, long records)
    {
        LoadResult R(string bot, int c) => results.Single(r => r.Bot == bot && r.Concurrency == c);
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        static string Ms(double v) => v.ToString(v < 10 ? "F2" : "F1");
        static string X(double v) => v.ToString(v < 10 ? "F2" : "F0") + "×";

        var table = new StringBuilder();
        table.AppendLine("| bot | concurrent conversations | turns/s | p50 ms | p95 ms | p99 ms | errors |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine($"| {r.Bot} | {r.Concurrency} | {r.Throughput:F0} | {Ms(r.P50)} | {Ms(r.P95)} | {Ms(r.P99)} | {r.Errors} |");
        }

        table.AppendLine();
        table.AppendLine("| bot | peak working set after the load runs | cold start (median, ms) | cold starts measured |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var bot in new[] { Stock, Tuned, Jep, JepAzure }.Where(peaks.ContainsKey))
        {
            table.AppendLine($"| {bot} | {peaks[bot] / 1048576.0:F0} MB | {Median(cold[bot]):F0} | {cold[bot].Count} |");
        }

        var ratios = new StringBuilder();
        ratios.AppendLine("| figure | JepBot / tuned echo | JepBot / stock echo |");
        ratios.AppendLine("|---|---:|---:|");
        foreach (var c in new[] { 1, 50, 200 })
        {
            var (j, t, s) = (R(Jep, c), R(Tuned, c), R(Stock, c));
            ratios.AppendLine($"| throughput at {c} | {X(j.Throughput / t.Throughput)} | {X(j.Throughput / s.Throughput)} |");
            ratios.AppendLine($"| p50 at {c} | {X(j.P50 / t.P50)} | {X(j.P50 / s.P50)} |");
            ratios.AppendLine($"| p95 at {c} | {X(j.P95 / t.P95)} | {X(j.P95 / s.P95)} |");
            ratios.AppendLine($"| p99 at {c} | {X(j.P99 / t.P99)} | {X(j.P99 / s.P99)} |");
        }

        if (results.Any(r => r.Bot == JepAzure))
        {
            foreach (var c in new[] { 1, 50, 200 })
            {
                var (a, t, s) = (R(JepAzure, c), R(Tuned, c), R(Stock, c));
                ratios.AppendLine($"| Azure on Azurite: throughput at {c} | {X(a.Throughput / t.Throughput)} | {X(a.Throughput / s.Throughput)} |");
                ratios.AppendLine($"| Azure on Azurite: p99 at {c} | {X(a.P99 / t.P99)} | {X(a.P99 / s.P99)} |");
            }
        }

        ratios.AppendLine($"| peak working set | {X((double)peaks[Jep] / peaks[Tuned])} | {X((double)peaks[Jep] / peaks[Stock])} |");
        ratios.AppendLine($"| cold start | {X(Median(cold[Jep]) / Median(cold[Tuned]))} | {X(Median(cold[Jep]) / Median(cold[Stock]))} |");

        var state = stateConversation + stateUser;
        var j50 = R(Jep, 50);
        var j200 = R(Jep, 200);
        var targets = new StringBuilder();
        targets.AppendLine("| target | measured | met? |");
        targets.AppendLine("|---|---|---|");
        void Target(string what, string measured, bool met) => targets.AppendLine($"| {what} | {measured} | {(met ? "met" : "**missed**")} |");
        Target("throughput at 50 ≥ 0.5× tuned echo", $"{j50.Throughput:F0} vs {R(Tuned, 50).Throughput:F0} turns/s = {X(j50.Throughput / R(Tuned, 50).Throughput)}", j50.Throughput >= 0.5 * R(Tuned, 50).Throughput);
        Target("throughput at 50 ≥ 15× stock echo", $"{j50.Throughput:F0} vs {R(Stock, 50).Throughput:F0} turns/s = {X(j50.Throughput / R(Stock, 50).Throughput)}", j50.Throughput >= 15 * R(Stock, 50).Throughput);
        Target("p99 < 50 ms at 50", $"{Ms(j50.P99)} ms", j50.P99 < 50);
        Target("p99 < 100 ms at 200", $"{Ms(j200.P99)} ms", j200.P99 < 100);
        Target("state ≤ 2 KB per conversation (conversation + user state)", $"{stateConversation:F0} B + {stateUser:F0} B = {state:F0} B", state <= 2048);
        Target("cold start ≤ 1.5 s", $"{Median(cold[Jep]):F0} ms (median of {cold[Jep].Count})", Median(cold[Jep]) <= 1500);

        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Written by `JepBot.Benchmarks` (a console program in the solution; `dotnet test` and `.ci/run` never run it). Every bot");
        md.AppendLine("runs as its own process on real Kestrel on 127.0.0.1, Release build, logging at Warning; the benchmark process holds the");
        md.AppendLine("load generator and a fast connector stand-in (Kestrel on 127.0.0.1, answers every reply with 200 and keeps the last card");
        md.AppendLine("per conversation). Load generator, connector and bot share the same cores, so the figures are conservative.");
        md.AppendLine();
        md.AppendLine("- **stock echo**: `ActivityHandler` echo, `CloudAdapter` + `ConfigurationBotFrameworkAuthentication`, as the SDK samples configure it.");
        md.AppendLine("- **tuned echo**: the same, with JepBot's `SharedContractResolverAuthentication` (docs/performance.md).");
        md.AppendLine("- **JepBot Werkwijze (SQLite)**: the real JepBot build (`JepBot.dll`, `Storage:Provider=Sqlite`, a new database file). Each");
        md.AppendLine("  conversation walks the Werkwijze again and again: `zorg`, then the 16 card submits (and one typed answer) of the");
        md.AppendLine($"  \"consent given\" branch to the decision record. Decision records the connector received during these runs: {records}.");
        md.AppendLine("- **JepBot Werkwijze (Azure on Azurite)**: the same build and flow with `Storage:Provider=Azure`: state in Blob storage,");
        md.AppendLine("  records in Table storage, on Azurite (tools/azurite, in memory) on 127.0.0.1. Every state read and write is an HTTP call");
        md.AppendLine("  to a Node process on the same two cores, so these figures say more about Azurite than about Azure.");
        md.AppendLine();
        md.AppendLine("Each scenario is closed-loop: N conversations, each sending its next turn when the last one is answered (the bot sends its");
        md.AppendLine($"replies before it answers the request). Warm-up {warmupText(quick)}, then {(quick ? 3 : 10)} s measured per scenario. Latency is per turn, HTTP request to response.");
        md.AppendLine();
        md.AppendLine("## Machine and run");
        md.AppendLine();
        md.AppendLine($"- {Environment.ProcessorCount} cores, {CpuModel()}, {MemTotal()} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        md.AppendLine($"- run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {(quick ? "quick" : "full")} variant; load average at the start {LoadAverageAtStart}, at the end {LoadAverage()} (1, 5, 15 min: anything else running on the machine lowers every figure)");
        md.AppendLine();
        md.AppendLine("Reproduce (from the repository root):");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet run -c Release --project JepBot.Benchmarks              # full: 3 s warm-up + 10 s per scenario, 10,000 stored conversations, 3 cold starts");
        md.AppendLine("dotnet run -c Release --project JepBot.Benchmarks -- --quick   # quick: 1 s + 3 s per scenario, 2,000 stored conversations, 1 cold start");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine($"These numbers come from: `{command}`.");
        md.AppendLine();
        md.AppendLine("## Results");
        md.AppendLine();
        md.Append(table);
        md.AppendLine();
        md.AppendLine($"**State after a full flow** (SQLite `state.json`, bytes of UTF-8): conversation state {stateConversation:F0} B, user state {stateUser:F0} B.");
        md.AppendLine();
        md.AppendLine($"**{seedCount:N0} stored conversations**: copies of that conversation and user state written into the database, then a new JepBot");
        md.AppendLine($"process answered one turn (`zorg`) in each, 200 at a time: {seededTurns:N0} turns in {seededSeconds:F1} s, peak working set (VmHWM) of the");
        md.AppendLine($"bot process **{seededPeak / 1048576.0:F0} MB**.");
        md.AppendLine();
        md.AppendLine("**Cold start**: from starting the process (`dotnet JepBot.dll`, or the echo process) to the first answered activity,");
        md.AppendLine("polling every 5 ms; JepBot on a new, empty database.");
        md.AppendLine();
        md.AppendLine("## Ratios");
        md.AppendLine();
        md.AppendLine("Throughput: higher is better for JepBot; latency, memory, cold start: lower is better.");
        md.AppendLine();
        md.Append(ratios);
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.Append(targets);
        md.AppendLine();
        md.AppendLine("The targets are JepBot's on SQLite, the store a single instance runs on. Why the missed ones are missed, what was");
        md.AppendLine("changed to reach the others, and how the Azure figures should be read: docs/performance.md.");

        return new Report(table + "\n" + ratios + "\n" + targets, md.ToString());

        static string warmupText(bool quick) => quick ? "1 s" : "3 s";
    }

    public static readonly string LoadAverageAtStart = LoadAverage();

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1048576.0:F0} GiB";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
