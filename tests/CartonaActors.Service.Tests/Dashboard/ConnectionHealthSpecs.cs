using System.Collections.Immutable;
using CartonaActors.Domain.Sync;
using CartonaActors.Service.Dashboard;
using CartonaActors.Service.Logging;

namespace CartonaActors.Service.Tests.Dashboard;

/// <summary>The rules behind the dashboard's badges and counters, and which platform settings count as secrets.</summary>
public sealed class ConnectionHealthSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static MarketplaceStatus Status(int failures = 0, DateTimeOffset? pausedUntil = null, MarketplaceLedger? ledger = null,
        int waiting = 0, int inFlight = 0) =>
        new("c", waiting, inFlight, 100, pausedUntil, failures, ledger ?? MarketplaceLedger.Empty);

    private static MarketplaceLedger FailedThenDelivered(DateTimeOffset failedAt, DateTimeOffset? deliveredAt) =>
        MarketplaceLedger.Empty with
        {
            LastError = "authentication_failed: HTTP 401", LastDeliveredAt = deliveredAt,
            RecentIssues = [new SyncIssue(failedAt, "authentication_failed", null, "HTTP 401")],
        };

    [Fact]
    public void Calls_failing_in_a_row_are_failing_even_without_a_recorded_error() =>
        Assert.Equal(new ConnectionHealth(HealthState.Failing, "3 calls failed in a row"), ConnectionHealth.Of(Status(failures: 3), true, Now));

    [Fact]
    public void A_last_error_newer_than_the_last_delivery_is_failing_and_shows_the_error()
    {
        var health = ConnectionHealth.Of(Status(ledger: FailedThenDelivered(Now.AddMinutes(-1), Now.AddMinutes(-5))), true, Now);
        Assert.Equal(new ConnectionHealth(HealthState.Failing, "authentication_failed: HTTP 401"), health);
        Assert.Equal(HealthState.Failing, ConnectionHealth.Of(Status(ledger: FailedThenDelivered(Now.AddMinutes(-1), null)), true, Now).State);
    }

    [Fact]
    public void An_error_followed_by_a_delivery_is_history_not_a_state() =>
        Assert.Equal(HealthState.Ok, ConnectionHealth.Of(Status(ledger: FailedThenDelivered(Now.AddMinutes(-5), Now.AddMinutes(-1))), true, Now).State);

    [Fact]
    public void A_pause_in_force_is_paused_and_one_that_ended_is_ok()
    {
        Assert.Equal(HealthState.Paused, ConnectionHealth.Of(Status(pausedUntil: Now.AddSeconds(30)), true, Now).State);
        Assert.Equal(HealthState.Ok, ConnectionHealth.Of(Status(pausedUntil: Now.AddSeconds(-1)), true, Now).State);
        Assert.Equal(HealthState.Failing, ConnectionHealth.Of(Status(failures: 1, pausedUntil: Now.AddSeconds(30)), true, Now).State);
    }

    [Fact]
    public void A_disabled_connection_is_disabled_whatever_it_last_reported() =>
        Assert.Equal(HealthState.Disabled, ConnectionHealth.Of(Status(failures: 2), false, Now).State);

    [Fact]
    public void The_counters_add_up_the_connections_and_count_the_sync_logs_issues_and_orders_of_the_last_24_hours_once_per_order()
    {
        var ledger = MarketplaceLedger.Empty with
        {
            ItemsDelivered = 40, ItemsRejected = 2, OrdersPulled = 7,
            RecentIssues = ImmutableList.Create(
                new SyncIssue(Now.AddHours(-1), "item_rejected", "sku-1", "bad"),
                new SyncIssue(Now.AddHours(-2), "order_unreadable", null, "o-9: no lines"),
                new SyncIssue(Now.AddHours(-30), "item_rejected", "sku-2", "too old to count")),
        };
        var node = new[]
        {
            new SyncIssue(Now.AddMinutes(-5), "order_held", "c/o-1", "unknown product"),
            new SyncIssue(Now.AddMinutes(-4), "order_held", "c/o-1", "unknown product"),
            new SyncIssue(Now.AddMinutes(-3), "order_flagged", "c/o-2", "total differs"),
            new SyncIssue(Now.AddMinutes(-2), "input_refused", "sku-x", "price must be positive"),
            new SyncIssue(Now.AddMinutes(-1), "order_status_refused", "c/o-4", "not allowed"),
            new SyncIssue(Now.AddHours(-25), "order_held", "c/o-3", "too old to count"),
        };
        var figures = DashboardFigures.From(
            [("a", "cartona", true, Status(ledger: ledger, waiting: 3, inFlight: 5)), ("b", "rest", true, Status(waiting: 1))], node, Now);

        Assert.Equal(new DashboardTotals(ProductsSynced: 40, ProductsFailed: 2, ProductsPending: 4, OrdersPulled: 7, OrdersHeld: 1,
            OrdersFailed: 2, IssuesLast24h: 5, QueuedWork: 3 + 5 + 1 + 1), figures.Totals);
        Assert.Equal(["a", "b"], figures.Connections.Select(c => c.Name));
        Assert.Equal("ok", figures.Connections[0].Health);
    }

    [Theory]
    [InlineData("ClientSecret", true)]
    [InlineData("RefreshToken", true)]
    [InlineData("Password", true)]
    [InlineData("ApiKey", true)]
    [InlineData("SigningCert", true)]
    [InlineData("TokenUrl", false)]
    [InlineData("TokenFile", false)]
    [InlineData("AuthHeader", false)]
    [InlineData("ClientId", false)]
    [InlineData("Currency", false)]
    public void A_platform_setting_naming_a_credential_is_secret_unless_it_names_only_where_one_goes(string key, bool secret) =>
        Assert.Equal(secret, ConfiguredSecrets.IsSecretSetting(key));
}
