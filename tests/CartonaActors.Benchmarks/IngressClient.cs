using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CartonaActors.Benchmarks;

/// <summary>Sends product changes to the service's ingress (<c>PUT /api/products/{id}</c>) and counts outcomes.
/// With several nodes, changes go round-robin to the nodes running (an ERP behind a load balancer).</summary>
public sealed class IngressClient : IDisposable
{
    private readonly HttpClient[] _nodes;
    private readonly Func<int, bool> _isRunning;
    private readonly Func<int, string> _listing;
    private int _next;
    private readonly object _gate = new();
    private List<double> _replyMs = [];
    private int _ok, _errors;
    private string? _firstError;

    /// <summary>To the nodes of a Cartona world, linking each product by its internal product id on connection "cartona".</summary>
    public IngressClient(BenchWorld world)
        : this(Enumerable.Range(0, world.NodeCount).Select(world.Root).ToList(), world.IsRunning, CartonaListing)
    {
    }

    /// <param name="roots">The nodes' roots, by node index.</param>
    /// <param name="listing">The <c>listings</c> entry (a JSON object) that links product N.</param>
    public IngressClient(IReadOnlyList<Uri> roots, Func<int, bool> isRunning, Func<int, string> listing)
    {
        _isRunning = isRunning;
        _listing = listing;
        _nodes = roots.Select(root =>
            new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = root,
                Timeout = TimeSpan.FromSeconds(30),
            }).ToArray();
    }

    /// <summary>A listing by the connection's own id kind: <c>{"connection":…,"id":…}</c>.</summary>
    public static string Listing(string connection, string id) => $"{{\"connection\":\"{connection}\",\"id\":\"{id}\"}}";

    public static string CartonaListing(int product) =>
        $"{{\"connection\":\"{BenchWorld.Connection}\",\"internalProductId\":\"{product.ToString(CultureInfo.InvariantCulture)}\"}}";

    private HttpClient Pick()
    {
        for (var tries = 0; tries < _nodes.Length; tries++)
        {
            var i = (int)((uint)Interlocked.Increment(ref _next) % _nodes.Length);
            if (_isRunning(i)) return _nodes[i];
        }
        return _nodes[0];
    }

    /// <summary>Sends one change; true when the service answered 2xx. Never throws (except on cancellation).</summary>
    public async Task<bool> PutAsync(int product, long seq, int? stock, bool link)
    {
        var body = new StringBuilder(128).Append("{\"price\":").Append(PriceCode.Json(seq));
        if (stock is { } s) body.Append(",\"stock\":{\"WH1\":").Append(s.ToString(CultureInfo.InvariantCulture)).Append('}');
        if (link) body.Append(",\"listings\":[").Append(_listing(product)).Append(']');
        body.Append('}');

        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            using var response = await Pick().PutAsync($"api/products/{product}", content);
            error = response.IsSuccessStatusCode ? null
                : $"{(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (_gate)
        {
            _replyMs.Add(elapsed);
            if (error is null) _ok++;
            else
            {
                _errors++;
                _firstError ??= $"product {product}: {error}";
            }
        }
        return error is null;
    }

    /// <summary>Counts and reply times since the last call.</summary>
    public IngressStats TakeStats()
    {
        lock (_gate)
        {
            var stats = new IngressStats(_ok, _errors, _firstError, _replyMs.ToArray());
            _ok = _errors = 0;
            _firstError = null;
            _replyMs = [];
            return stats;
        }
    }

    public void Dispose()
    {
        foreach (var http in _nodes) http.Dispose();
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}

public sealed record IngressStats(int Ok, int Errors, string? FirstError, double[] ReplyMs);
