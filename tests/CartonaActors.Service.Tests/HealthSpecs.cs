using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;
using Npgsql;

namespace CartonaActors.Service.Tests;

/// <summary>Liveness and readiness as an orchestrator sees them, on the real PostgreSQL journal.</summary>
public sealed class HealthSpecs
{
    private const string Token = "health-token-90ab";

    [Fact]
    public async Task Readiness_follows_the_database_going_away_and_coming_back_while_liveness_stays_up()
    {
        var server = Environment.GetEnvironmentVariable("CARTONA_TEST_POSTGRES")
            ?? throw new InvalidOperationException("CARTONA_TEST_POSTGRES is not set: run the tests with ops/test.sh");
        var database = "cartona_health_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        var pg = new NpgsqlConnectionStringBuilder(server);
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, pg.Port));
        relay.Open();

        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { Token } });
        var settings = TestService.Settings(cartona, Token);
        settings["CartonaActors:Persistence:Provider"] = "PostgreSql";
        settings["CartonaActors:Persistence:ConnectionString"] =
            new NpgsqlConnectionStringBuilder(server) { Port = relay.Port, Database = database }.ToString();
        await using var service = await TestService.StartAsync(settings);

        var ready = await service.Http.GetFromJsonAsync<JsonElement>("/healthz/ready");
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "database");
        Assert.Contains(ready.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "akka.cluster.join");

        relay.Cut();
        await UntilStatusAsync(service, "/healthz/ready", HttpStatusCode.ServiceUnavailable);
        var down = await service.Http.GetStringAsync("/healthz/live");
        Assert.Contains("Healthy", down);
        var body = await (await service.Http.GetAsync("/healthz/ready")).Content.ReadAsStringAsync();
        Assert.Contains("PostgreSql unreachable", body);

        relay.Open();
        await UntilStatusAsync(service, "/healthz/ready", HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_node_reports_itself_as_the_cluster_and_the_connection_test_succeeds()
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { Token } });
        await using var service = await TestService.StartAsync(TestService.Settings(cartona, Token));
        var members = await service.Http.GetFromJsonAsync<JsonElement>("/api/cluster/members");
        Assert.Equal("Up", members.GetProperty("members")[0].GetProperty("status").GetString());
        var test = await (await service.Http.PostAsync("/api/connections/cartona/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean());
        var connections = await service.Http.GetStringAsync("/api/connections");
        Assert.Contains("\"connectionId\":\"cartona\"", connections);
    }

    private static async Task UntilStatusAsync(TestService service, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await service.Http.GetAsync(path)).StatusCode != status)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} did not become {(int)status} within 30 s");
            await Task.Delay(200);
        }
    }
}
