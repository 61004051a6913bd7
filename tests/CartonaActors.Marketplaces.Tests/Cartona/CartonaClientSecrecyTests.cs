using CartonaActors.Domain.Sync;
using CartonaActors.Marketplaces.Cartona;

namespace CartonaActors.Marketplaces.Tests.Cartona;

/// <summary>The token must never surface in what the client returns or throws, even when a server echoes it.</summary>
public sealed class CartonaClientSecrecyTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(413)]
    [InlineData(422)]
    [InlineData(200)] // unreadable 2xx: the echo is not JSON
    public async Task An_echoed_token_is_scrubbed_from_push_outcomes(int status)
    {
        using var server = new EchoServer(status);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        var reason = ReasonOf(outcome);
        Assert.Contains("echo:", reason); // the body excerpt is there...
        Assert.DoesNotContain(ClientScope.Token, reason); // ...without the token
    }

    [Fact]
    public async Task An_echoed_token_is_scrubbed_from_item_rejections()
    {
        using var server = new EchoServer(200,
            """{"updated":0,"failed":[{"index":0,"errors":["bad token tok-ZQX9-very-secret-7f3a here"]}]}""");
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        var rejection = Assert.Single(Assert.IsType<CallOutcome.Accepted>(outcome).Rejected);
        Assert.DoesNotContain(ClientScope.Token, rejection.Reason);
        Assert.Contains("bad token", rejection.Reason);
    }

    [Fact]
    public async Task Long_bodies_are_cut_to_a_short_excerpt()
    {
        using var server = new EchoServer(503, new string('x', 5000));
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var outcome = await client.PushAsync([Items.ByInternalId("a", quantity: 1)], CancellationToken.None);

        Assert.InRange(ReasonOf(outcome).Length, 300, 340);
    }

    [Fact]
    public async Task Connection_checks_and_list_failures_never_hold_the_token()
    {
        using var server = new EchoServer(401);
        using var client = new CartonaClient(ClientScope.Settings(server.BaseUrl));

        var check = await client.TestConnectionAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<CartonaApiException>(() => client.ListSupplierProductsAsync(1, 1, CancellationToken.None));

        Assert.False(check.Ok);
        Assert.StartsWith("HTTP 401: echo:", check.Message);
        Assert.DoesNotContain(ClientScope.Token, check.Message);
        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain(ClientScope.Token, error.ToString());
    }

    [Fact]
    public async Task Every_emulator_outcome_is_free_of_the_token()
    {
        await using var scope = await ClientScope.StartAsync(o => o.MaxBatchSize = 1);
        var faults = scope.Emulator.Faults;
        faults.Enqueue(new CartonaActors.Sandbox.Cartona.CartonaFault.ServerError(502));
        faults.Enqueue(new CartonaActors.Sandbox.Cartona.CartonaFault.MalformedJson());
        faults.Enqueue(new CartonaActors.Sandbox.Cartona.CartonaFault.RateLimit(2));
        var texts = new List<string>();

        for (var i = 0; i < 4; i++)
            texts.Add(ReasonOf(await scope.Client.PushAsync([Items.ByInternalId("ghost", quantity: 1)], CancellationToken.None)));
        texts.Add(ReasonOf(await scope.Client.PushAsync(
            [Items.ByInternalId("a", quantity: 1), Items.ByInternalId("b", quantity: 1)], CancellationToken.None)));
        texts.Add((await scope.Client.TestConnectionAsync(CancellationToken.None)).Message);

        Assert.All(texts, t => Assert.DoesNotContain(ClientScope.Token, t));
    }

    private static string ReasonOf(CallOutcome outcome) => outcome switch
    {
        CallOutcome.TransientFailure f => f.Reason,
        CallOutcome.AuthenticationFailed f => f.Reason,
        CallOutcome.TooLarge f => f.Reason,
        CallOutcome.Refused f => f.Reason,
        CallOutcome.RateLimited r => r.ToString(),
        CallOutcome.Accepted d => string.Join("|", d.Rejected.Select(r => r.Reason)),
        _ => outcome.ToString()!,
    };
}
