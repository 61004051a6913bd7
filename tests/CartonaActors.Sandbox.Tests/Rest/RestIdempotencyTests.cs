using System.Net;
using CartonaActors.Sandbox.Rest;

namespace CartonaActors.Sandbox.Tests.Rest;

public sealed class RestIdempotencyTests
{
    private const HttpStatusCode MultiStatus = (HttpStatusCode)207;
    private const string Batch = """{"items":[{"external_id":"51","available":3,"version":1},{"external_id":"52","available":1,"version":1}]}""";

    [Fact]
    public async Task The_same_key_and_body_replay_the_stored_answer_byte_for_byte_and_apply_once()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51"]); // 52 unknown: the stored answer carries an error
        var applied = 0;
        scope.Emulator.ItemApplied += _ => applied++;

        using var first = await scope.PostAsync(RestScope.Inventory, Batch, key: "batch-1");
        scope.Emulator.Catalog.Seed(["52"]); // a recomputed answer would now differ
        using var replay = await scope.PostAsync(RestScope.Inventory, Batch, key: "batch-1");

        Assert.Equal(MultiStatus, first.StatusCode);
        Assert.Equal(MultiStatus, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await replay.Content.ReadAsByteArrayAsync());
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, applied);
        Assert.Empty(scope.Emulator.Catalog.Get("52")!.Stock);
        Assert.Equal((1L, 1L), (scope.Emulator.Counters.ItemsApplied, scope.Emulator.Counters.IdempotentReplays));
        Assert.True(scope.Emulator.Calls[1].Replayed);
    }

    [Fact]
    public async Task The_same_key_with_another_body_or_endpoint_is_refused_with_422()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);

        using var first = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");
        using var otherBody = await scope.PostAsync(RestScope.Inventory, Batch.Replace("\"available\":3", "\"available\":4"), key: "k");
        using var otherPath = await scope.PostAsync(RestScope.Prices, Batch, key: "k");

        Assert.Equal(MultiStatus, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal("""{"error":"idempotency_key_reused"}""", await otherBody.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherPath.StatusCode);
        Assert.Equal(3, scope.Emulator.Catalog.Get("51")!.AvailableAt());
    }

    [Fact]
    public async Task Keys_belong_to_their_token()
    {
        const string other = "second-token";
        await using var scope = await RestScope.StartAsync(o => o.Tokens = new HashSet<string> { RestScope.Token, other });
        scope.Emulator.Catalog.Seed(["51", "52"]);

        using var first = await scope.PostAsync(RestScope.Inventory, Batch, key: "shared");
        using var second = await scope.PostAsync(RestScope.Inventory, Batch, key: "shared", token: other);

        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(4, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task A_write_without_a_key_is_refused_unless_keys_are_optional()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);

        using var refused = await scope.PostWithoutKeyAsync(RestScope.Inventory, Batch);
        using var read = await scope.GetAsync("v1/orders");
        scope.Emulator.Options.RequireIdempotencyKey = false;
        using var accepted = await scope.PostWithoutKeyAsync(RestScope.Inventory, Batch);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("""{"error":"idempotency_key_required"}""", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(MultiStatus, accepted.StatusCode);
        Assert.Equal(2, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task A_quoted_structured_field_key_and_the_bare_key_are_the_same_key()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);

        using var quoted = await scope.PostAsync(RestScope.Inventory, Batch, key: "\"abc-123\"");
        using var bare = await scope.PostAsync(RestScope.Inventory, Batch, key: "abc-123");

        Assert.Equal("true", bare.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_key_still_being_processed_answers_409()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);
        scope.Emulator.Faults.Enqueue(new RestFault.Timeout()); // held until the client gives up
        using var gaveUp = new CancellationTokenSource();

        var held = scope.PostAsync(RestScope.Inventory, Batch, key: "slow", ct: gaveUp.Token);
        await RestScope.EventuallyAsync(() => scope.Emulator.Faults.Pending == 0); // taken after the key was claimed
        using var second = await scope.PostAsync(RestScope.Inventory, Batch, key: "slow");
        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        await RestScope.EventuallyAsync(() => scope.Emulator.Calls.Any(c => c.Status == 499));
        using var retry = await scope.PostAsync(RestScope.Inventory, Batch, key: "slow");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("""{"error":"idempotency_key_in_progress"}""", await second.Content.ReadAsStringAsync());
        // The held request applied nothing and gave its key back, so the retry does the work.
        Assert.Equal(MultiStatus, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task A_faulted_write_frees_its_key_for_the_retry()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);
        scope.Emulator.Faults.Enqueue(new RestFault.ServerError(503));

        using var failed = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");
        using var retry = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(MultiStatus, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task Commit_then_fail_applies_and_a_retry_with_the_same_key_replays_the_success()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);
        scope.Emulator.Faults.Enqueue(new RestFault.CommitThenFail(), pathPrefix: RestScope.Inventory);

        using var failed = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");
        var appliedByTheFailure = scope.Emulator.Counters.ItemsApplied;
        using var retry = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(2, appliedByTheFailure);
        Assert.Equal(MultiStatus, retry.StatusCode);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal([("ok", null), ("ok", (string?)null)], (await RestScope.JsonAsync(retry)).Results());
        Assert.Equal(2, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task Commit_then_fail_retried_under_a_new_key_applies_twice()
    {
        await using var scope = await RestScope.StartAsync();
        scope.Emulator.Catalog.Seed(["51", "52"]);
        scope.Emulator.Faults.Enqueue(new RestFault.CommitThenFail(502));

        using var failed = await scope.PostAsync(RestScope.Inventory, Batch, key: "first-try");
        using var retry = await scope.PostAsync(RestScope.Inventory, Batch, key: "second-try");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(MultiStatus, retry.StatusCode);
        Assert.Equal(4, scope.Emulator.Counters.ItemsApplied); // the duplicate a key would have prevented
    }

    [Fact]
    public async Task A_key_is_forgotten_after_the_window()
    {
        var clock = new ManualClock();
        await using var scope = await RestScope.StartAsync(o => o.Clock = clock);
        scope.Emulator.Catalog.Seed(["51", "52"]);

        using var first = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");
        clock.Advance(TimeSpan.FromHours(23));
        using var within = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");
        clock.Advance(TimeSpan.FromHours(1));
        using var after = await scope.PostAsync(RestScope.Inventory, Batch, key: "k");

        Assert.Equal("true", within.Header("Idempotent-Replayed"));
        Assert.False(after.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(4, scope.Emulator.Counters.ItemsApplied);
    }

    [Fact]
    public async Task An_order_status_change_is_replayed_not_repeated()
    {
        await using var scope = await RestScope.StartAsync();
        var order = scope.Emulator.Orders.Place(RestScope.Order());

        var (firstStatus, firstBody) = await scope.SetStatusAsync(order.Id, "confirmed", key: "confirm-1");
        using var replay = await scope.PostAsync($"v1/orders/{order.Id}/status",
            """{"status":"confirmed","reason":null,"tracking":null}""", key: "confirm-1");

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal(firstBody.GetRawText(), (await RestScope.JsonAsync(replay)).GetRawText());
        Assert.Single(scope.Emulator.Orders.Get(order.Id)!.History);
    }
}
