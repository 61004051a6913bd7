using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public sealed class OrderHistorySpecs
{
    private const string Id = "cartona/GMNvpbLM";

    [Fact]
    public void A_held_import_reads_as_held_with_its_reason_and_version()
    {
        var step = OrderHistory.Describe(new OrderHeld(Id, 2, "variant_not_found: no Odoo variant 904"));
        Assert.Equal(("import held", "held"), (step.Step, step.Outcome));
        Assert.Equal("version 2: variant_not_found: no Odoo variant 904", step.Detail);
    }

    [Fact]
    public void A_refused_status_reads_as_refused_with_the_transition()
    {
        var step = OrderHistory.Describe(new MarketplaceStatusRefused(Id, "pending", "delivered", "not allowed"));
        Assert.Equal("refused", step.Outcome);
        Assert.Equal("pending -> delivered: not allowed", step.Detail);
    }

    [Fact]
    public void A_delivery_code_from_an_old_journal_is_never_shown()
    {
        var step = OrderHistory.Describe(new RetailerOtpGiven(Id, "483920"));
        Assert.DoesNotContain("483920", step.Step + step.Outcome + step.Detail);
        Assert.Equal("delivery code given", step.Step);
    }
}

public sealed class ConnectionPauseSpecs
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pause_is_in_the_ledger_until_resumed()
    {
        var paused = MarketplaceLedger.Empty.Apply(new ConnectionPaused("cartona", "price review", At));
        Assert.Equal("price review", paused.Paused!.Reason);
        Assert.Null(paused.Apply(new ConnectionResumed("cartona", At.AddMinutes(1))).Paused);
    }
}
