using CartonaActors.Domain.ReadBack;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class ListingReadCallsSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly ListingPageRequest Page1 = new(1, 100);

    [Fact]
    public void A_failed_page_goes_again_after_its_backoff_and_the_pass_is_abandoned_after_five_failures_in_a_row()
    {
        var calls = new ListingReadCalls(new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0));
        calls.Want(Page1);
        for (var failure = 1; failure <= ListingReadCalls.MaxFailures; failure++)
        {
            Assert.True(calls.Due(T0, out _));
            var key = failure;
            Assert.Equal(Page1, calls.Start(key));
            Assert.False(calls.Due(T0, out _)); // one in flight at a time
            Assert.IsType<ListingReadStep.Retry>(calls.Completed(key, Page1, new CallOutcome.TransientFailure("503"), null, T0, 0));
            Assert.True(calls.Due(T0, out var wait));
            Assert.True(wait > TimeSpan.Zero);
        }
        calls.Start(99);
        var abandoned = Assert.IsType<ListingReadStep.Abandon>(calls.Completed(99, Page1, new CallOutcome.TransientFailure("503"), null, T0, 0));
        Assert.Contains("6 failed reads", abandoned.Reason);
        Assert.False(calls.Due(T0.AddHours(1), out _));
    }

    [Fact]
    public void A_rate_limited_page_waits_a_late_answer_is_ignored_and_a_read_page_resets_the_failures()
    {
        var calls = new ListingReadCalls(new RetryBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0));
        calls.Want(Page1);
        calls.Start(1);
        Assert.Equal(new ListingReadStep.RateLimited(TimeSpan.FromSeconds(3)),
            calls.Completed(1, Page1, new CallOutcome.RateLimited(TimeSpan.FromSeconds(3)), null, T0, 0));
        Assert.True(calls.Due(T0, out var wait));
        Assert.Equal(TimeSpan.Zero, wait); // the entity's pause covers the wait
        Assert.Null(calls.Completed(1, Page1, CallOutcome.Success, new ListingPage([], true), T0, 0));

        calls.Start(2);
        var page = new ListingPage([], true);
        Assert.Equal(new ListingReadStep.Read(Page1, page), calls.Completed(2, Page1, CallOutcome.Success, page, T0, 0));

        var refused = new ListingReadCalls(new RetryBackoff(TimeSpan.Zero, TimeSpan.Zero, 0));
        refused.Want(Page1);
        refused.Start(3);
        Assert.IsType<ListingReadStep.Abandon>(refused.Completed(3, Page1, new CallOutcome.Refused(404, "no such endpoint"), null, T0, 0));
    }
}
