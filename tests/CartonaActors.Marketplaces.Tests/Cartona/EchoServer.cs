using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>
/// A deliberately badly behaved server: it answers every request with a fixed status and headers and puts
/// the request's own head (auth header included) in the body, as a careless proxy might. Used to prove the
/// client scrubs the token from whatever comes back.
/// </summary>
internal sealed class EchoServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public EchoServer(int status, string bodyTemplate = "echo: {request}", params (string Name, string Value)[] headers)
    {
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/api/v1/";
        _ = Task.Run(() => ServeAsync(status, bodyTemplate, headers));
    }

    public string BaseUrl { get; }

    private async Task ServeAsync(int status, string bodyTemplate, (string Name, string Value)[] headers)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            using (connection)
            {
                var stream = connection.GetStream();
                var head = await ReadHeadAsync(stream);
                var body = Encoding.UTF8.GetBytes(bodyTemplate.Replace("{request}", head));
                var response = new StringBuilder()
                    .Append($"HTTP/1.1 {status} Status\r\nContent-Type: text/plain\r\nConnection: close\r\n")
                    .Append(string.Concat(headers.Select(h => $"{h.Name}: {h.Value}\r\n")))
                    .Append($"Content-Length: {body.Length}\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response.ToString()));
                await stream.WriteAsync(body);
            }
        }
    }

    // Reads the request line and headers, then drains any body so the client sees a clean exchange.
    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer) && await stream.ReadAsync(one) == 1) buffer.Add(one[0]);
        var head = Encoding.ASCII.GetString(buffer.ToArray());
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var remaining = lengthLine is null ? 0 : int.Parse(lengthLine["Content-Length:".Length..].Trim());
        var sink = new byte[4096];
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(sink.AsMemory(0, Math.Min(sink.Length, remaining)));
            if (read == 0) break;
            remaining -= read;
        }
        return head;
    }

    private static bool EndsWithBlankLine(List<byte> b) =>
        b.Count >= 4 && b[^4] == '\r' && b[^3] == '\n' && b[^2] == '\r' && b[^1] == '\n';

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
