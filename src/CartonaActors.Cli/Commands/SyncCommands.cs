using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class SyncCommands
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    public static Command Sync()
    {
        var connection = new Option<string?>("--connection") { Description = "Only this connection (default: every connection)" };
        var noWait = new Option<bool>("--no-wait") { Description = "Start it and return; progress shows in 'connection show'" };
        var waitMinutes = new Option<int>("--wait-minutes") { Description = "Give up waiting after this long (default 120); the sync goes on", DefaultValueFactory = _ => 120 };
        var all = new Command("all", "Send every listed product again to the marketplace and watch until all are confirmed") { connection, noWait, waitMinutes };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            var names = parse.GetValue(connection) is { } one ? [one]
                : (await c.Api.GetAsync("/api/connections", ct)).Items().Select(s => s.Str("connectionId")!).ToList();
            var started = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var name in names)
                started[name] = (await c.Api.PostAsync($"/api/connections/{Uri.EscapeDataString(name)}/sync-all", ct)).Long("products") ?? 0;
            if (!c.Json) foreach (var (name, products) in started) c.Console.WriteLine($"sync all {name}: {products} products to send again");
            if (parse.GetValue(noWait))
            {
                if (c.Json) c.WriteJson(started);
                return ExitCodes.Ok;
            }
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(Math.Max(1, parse.GetValue(waitMinutes)));
            var done = Console.IsOutputRedirected || c.Json
                ? await WatchAsLinesAsync(c, names, deadline, ct)
                : await WatchWithBarsAsync(c, names, deadline, ct);
            return done ? ExitCodes.Ok : ExitCodes.Failed;
        })(all);
        return new Command("sync", "Full re-syncs") { all };
    }

    private static async Task<Dictionary<string, (long Total, long Remaining, string Health)>> ProgressAsync(CommandContext c, IEnumerable<string> names, CancellationToken ct)
    {
        var progress = new Dictionary<string, (long, long, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var s = await c.Api.GetAsync($"/api/connections/{Uri.EscapeDataString(name)}", ct);
            var sync = s.Get("syncAll") ?? default;
            progress[name] = (sync.Long("total") ?? 0, sync.Long("remaining") ?? 0, ConnectionCommands.Health(s));
        }
        return progress;
    }

    /// <summary>For a terminal: one live bar per connection.</summary>
    private static async Task<bool> WatchWithBarsAsync(CommandContext c, IReadOnlyList<string> names, DateTime deadline, CancellationToken ct)
    {
        var finished = false;
        await c.Console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = names.ToDictionary(n => n, n => ctx.AddTask(Markup.Escape(n)), StringComparer.Ordinal);
                while (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
                {
                    var progress = await ProgressAsync(c, names, ct);
                    foreach (var (name, (total, remaining, health)) in progress)
                    {
                        tasks[name].MaxValue = Math.Max(1, total);
                        tasks[name].Value = Math.Max(0, total - remaining);
                        tasks[name].Description = Markup.Escape($"{name} ({health}) {Math.Max(0, total - remaining)}/{total}");
                    }
                    if (progress.Values.All(p => p.Remaining == 0))
                    {
                        finished = true;
                        return;
                    }
                    await Task.Delay(PollEvery, ct);
                }
            });
        c.Console.WriteLine(finished ? "sync all: every product confirmed" : "sync all: stopped waiting; it goes on in the service");
        return finished;
    }

    /// <summary>For scripts and logs: a line whenever a figure changes (JSON lines with --json).</summary>
    private static async Task<bool> WatchAsLinesAsync(CommandContext c, IReadOnlyList<string> names, DateTime deadline, CancellationToken ct)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        while (DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
        {
            var progress = await ProgressAsync(c, names, ct);
            foreach (var (name, (total, remaining, health)) in progress)
            {
                if (last.TryGetValue(name, out var was) && was == remaining) continue;
                last[name] = remaining;
                var confirmed = Math.Max(0, total - remaining);
                Console.Out.WriteLine(c.Json
                    ? JsonSerializer.Serialize(new { connection = name, total, confirmed, remaining, health })
                    : $"sync all {name}: {confirmed}/{total} confirmed ({(total == 0 ? 100 : 100.0 * confirmed / total):0}%), {health}");
            }
            if (progress.Values.All(p => p.Remaining == 0))
            {
                if (!c.Json) Console.Out.WriteLine("sync all: every product confirmed");
                return true;
            }
            await Task.Delay(PollEvery, ct);
        }
        if (!c.Json) Console.Out.WriteLine("sync all: stopped waiting; it goes on in the service");
        return false;
    }
}
