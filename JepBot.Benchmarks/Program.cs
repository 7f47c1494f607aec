using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using JepBot.Benchmarks;
using JepBot.Tests.Support;
using Microsoft.Data.Sqlite;

// Child mode: one echo baseline as its own process.
if (args.Length == 3 && args[0] == "--serve-echo")
{
    await EchoServer.RunAsync(args[1], args[2]);
    return 0;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var quick = args.Contains("--quick");
var warmup = TimeSpan.FromSeconds(quick ? 1 : 3);
var duration = TimeSpan.FromSeconds(quick ? 3 : 10);
var seedCount = quick ? 2000 : 10_000;
var coldStarts = quick ? 1 : 3;
int[] concurrencies = [1, 50, 200];
var command = quick ? "dotnet run -c Release --project JepBot.Benchmarks -- --quick" : "dotnet run -c Release --project JepBot.Benchmarks";
var work = Path.Combine(Path.GetTempPath(), "jepbot-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
Console.WriteLine($"load average at the start: {Report.LoadAverageAtStart}");
Console.WriteLine($"JepBot benchmarks ({(quick ? "quick" : "full")}): warm-up {warmup.TotalSeconds} s, {duration.TotalSeconds} s per scenario; work folder {work}");

await using var connector = await Connector.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { Timeout = TimeSpan.FromSeconds(60) };
var load = new Load(http, connector);
var results = new List<LoadResult>();
var peaks = new Dictionary<string, long>();
var cold = new Dictionary<string, List<double>>();

async Task<double> WaitAnsweredAsync(BotProcess bot)
{
    var body = load.Activity("a:bench-cold", "29:bench-cold", "hallo", null);
    while (bot.SinceStart.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            if (await load.PostAsync(bot.MessagesUrl, body))
            {
                return bot.SinceStart.Elapsed.TotalMilliseconds;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(5);
    }

    throw new TimeoutException("the bot did not answer within 60 s of its start; its last output:\n" + bot.Output);
}

// --profile-flow SECONDS: only JepBot's flow at 50 conversations, printing the bot's process id (attach dotnet-trace to it).
var profileAt = Array.IndexOf(args, "--profile-flow");
if (profileAt >= 0)
{
    var seconds = int.Parse(args[profileAt + 1], CultureInfo.InvariantCulture);
    var profileDb = Path.Combine(work, "profile", "jepbot.db");
    Directory.CreateDirectory(Path.GetDirectoryName(profileDb)!);
    await using var profiled = BotProcess.StartJepBot(profileDb);
    await WaitAnsweredAsync(profiled);
    Console.WriteLine($"bot pid {profiled.Id}");
    var r = await load.FlowAsync("profile", profiled.MessagesUrl, "p", 50, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(seconds));
    Console.WriteLine($"  c=50: {r.Throughput:F0} turns/s  p50 {r.P50:F2}  p99 {r.P99:F2} ms  errors {r.Errors}");
    return 0;
}

const string Stock = "stock echo";
const string Tuned = "tuned echo";
const string Jep = Report.Jep;
const string JepAzure = Report.JepAzure;

// Latency and throughput, one bot process at a time; its first answered activity is also one cold start.
foreach (var (name, variant) in new[] { (Stock, "stock"), (Tuned, "tuned") })
{
    await using var bot = BotProcess.StartEcho(variant);
    cold[name] = [await WaitAnsweredAsync(bot)];
    foreach (var c in concurrencies)
    {
        var r = await load.EchoAsync(name, bot.MessagesUrl, c, warmup, duration);
        results.Add(r);
        Console.WriteLine($"  {name,-28} c={c,3}: {r.Throughput,8:F0} turns/s  p50 {r.P50,7:F2}  p95 {r.P95,7:F2}  p99 {r.P99,7:F2} ms  errors {r.Errors}");
    }

    peaks[name] = bot.PeakWorkingSet();
}

var db = Path.Combine(work, "flow", "jepbot.db");
Directory.CreateDirectory(Path.GetDirectoryName(db)!);
var recordsBefore = connector.Records;
await using (var bot = BotProcess.StartJepBot(db))
{
    cold[Jep] = [await WaitAnsweredAsync(bot)];
    foreach (var c in concurrencies)
    {
        var r = await load.FlowAsync(Jep, bot.MessagesUrl, "c" + c, c, warmup, duration);
        results.Add(r);
        Console.WriteLine($"  {Jep,-28} c={c,3}: {r.Throughput,8:F0} turns/s  p50 {r.P50,7:F2}  p95 {r.P95,7:F2}  p99 {r.P99,7:F2} ms  errors {r.Errors}");
    }

    peaks[Jep] = bot.PeakWorkingSet();
}

// The same flow on Azure storage (Blob state, Table records) on Azurite: every state read and write is an HTTP call.
await using (var azurite = await Azurite.StartAsync(extentMemoryLimitMb: 1024))
await using (var bot = BotProcess.StartJepBotOnAzure(azurite.ConnectionString, "bench-state"))
{
    cold[JepAzure] = [await WaitAnsweredAsync(bot)];
    foreach (var c in concurrencies)
    {
        var r = await load.FlowAsync(JepAzure, bot.MessagesUrl, "az" + c, c, warmup, duration);
        results.Add(r);
        Console.WriteLine($"  {JepAzure,-28} c={c,3}: {r.Throughput,8:F0} turns/s  p50 {r.P50,7:F2}  p95 {r.P95,7:F2}  p99 {r.P99,7:F2} ms  errors {r.Errors}");
    }

    peaks[JepAzure] = bot.PeakWorkingSet();
}

var records = connector.Records - recordsBefore;
Console.WriteLine($"  decision records received during the JepBot runs: {records}");

// State per conversation after a full flow: one conversation walks "zorg" and the path once more, ending on the record.
double stateConversation, stateUser;
await using (var bot = BotProcess.StartJepBot(db))
{
    await WaitAnsweredAsync(bot);
    var turns = load.FlowTurns(Load.ConversationId("state", 0), Load.UserId("state", 0));
    for (var i = 0; i <= Load.FlowPath.Length; i++)
    {
        if (!await load.PostAsync(bot.MessagesUrl, await turns()))
        {
            throw new InvalidOperationException("a flow turn failed");
        }
    }
}

using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
{
    connection.Open();
    stateConversation = Scalar(connection, "SELECT length(CAST(json AS BLOB)) FROM state WHERE key = 'msteams/conversations/a:bench-state-0';");
    stateUser = Scalar(connection, "SELECT length(CAST(json AS BLOB)) FROM state WHERE key = 'msteams/users/29:bench-state-0';");
    Console.WriteLine($"  state after a full flow: conversation {stateConversation} B, user {stateUser} B");

    // 10,000 (quick: 2,000) stored conversations: copies of a real conversation and user state, written directly.
    using var tx = connection.BeginTransaction();
    using var insert = connection.CreateCommand();
    insert.Transaction = tx;
    insert.CommandText = """
        INSERT OR REPLACE INTO state (key, etag, json, updated_utc)
        SELECT $key, $etag, json, updated_utc FROM state WHERE key = $from;
        """;
    var key = insert.Parameters.Add("$key", SqliteType.Text);
    var etag = insert.Parameters.Add("$etag", SqliteType.Text);
    var from = insert.Parameters.Add("$from", SqliteType.Text);
    for (var i = 0; i < seedCount; i++)
    {
        (key.Value, etag.Value, from.Value) = ("msteams/conversations/" + Load.ConversationId("seed", i), Guid.NewGuid().ToString("N"), "msteams/conversations/a:bench-state-0");
        insert.ExecuteNonQuery();
        (key.Value, etag.Value, from.Value) = ("msteams/users/" + Load.UserId("seed", i), Guid.NewGuid().ToString("N"), "msteams/users/29:bench-state-0");
        insert.ExecuteNonQuery();
    }

    tx.Commit();
    Console.WriteLine($"  stored conversations now: {Scalar(connection, "SELECT count(*) FROM state WHERE key LIKE 'msteams/conversations/%';")}");
}

// Peak memory with the seeded store: a fresh JepBot process, 200 conversations at a time, every seeded conversation one turn.
long seededPeak;
int seededTurns;
double seededSeconds;
await using (var bot = BotProcess.StartJepBot(db))
{
    await WaitAnsweredAsync(bot);
    var nextConversation = -1;
    var clock = Stopwatch.StartNew();
    var failures = 0;
    await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
    {
        int n;
        while ((n = Interlocked.Increment(ref nextConversation)) < seedCount && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (!await load.PostAsync(bot.MessagesUrl, load.Activity(Load.ConversationId("seed", n), Load.UserId("seed", n), "zorg", null)))
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    seededSeconds = clock.Elapsed.TotalSeconds;
    seededTurns = Math.Min(nextConversation, seedCount);
    seededPeak = bot.PeakWorkingSet();
    Console.WriteLine($"  {seedCount} stored conversations: {seededTurns} turns in {seededSeconds:F1} s, {failures} failed, peak working set {seededPeak / 1048576.0:F0} MB");
}

// Cold start: process start to the first answered activity (JepBot on a new, empty store).
for (var i = 1; i < coldStarts; i++)
{
    foreach (var (name, variant) in new[] { (Stock, "stock"), (Tuned, "tuned"), (Jep, "") })
    {
        var path = Path.Combine(work, "cold" + i, "jepbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var bot = variant == "" ? BotProcess.StartJepBot(path) : BotProcess.StartEcho(variant);
        cold[name].Add(await WaitAnsweredAsync(bot));
    }
}

var report = Report.Build(quick, command, results, peaks, cold, stateConversation, stateUser, seedCount, seededPeak, seededTurns, seededSeconds, records);
Console.WriteLine();
Console.WriteLine(report.Table);
var docs = RepositoryPaths.Combine("docs", "benchmarks.md");
File.WriteAllText(docs, report.Markdown);
Console.WriteLine($"Wrote {docs}");
if (args.Contains("--keep"))
{
    Console.WriteLine($"Kept {work} (--keep)");
}
else
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
    }
}

return 0;

static double Scalar(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToDouble(command.ExecuteScalar() ?? double.NaN, CultureInfo.InvariantCulture);
}
