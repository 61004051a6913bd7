using CartonaActors.Domain.ReadBack;

namespace CartonaActors.Domain.Tests;

public class ReadBackCycleSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    private static ListingPage Page(int items, bool last = false) =>
        new(Enumerable.Range(0, items).Select(_ => new ListedProduct([], new Products.PushedValues(1m, false, 1))).ToList(), last);

    [Fact]
    public void A_pass_is_due_an_interval_after_start_reads_pages_until_a_short_one_and_ends_when_every_slice_answered()
    {
        var cycle = new ReadBackCycle("cartona", Interval, 2, slices: 2, T0);
        Assert.Null(cycle.StartIfDue(T0.AddMinutes(14)));
        var first = cycle.StartIfDue(T0.AddMinutes(15))!;
        Assert.Equal(new ListingPageRequest(1, 2), first);
        Assert.Null(cycle.StartIfDue(T0.AddMinutes(16))); // one pass at a time

        var second = cycle.PageRead(first, Page(2))!;
        Assert.Equal(new ListingPageRequest(2, 2), second);
        Assert.Null(cycle.PageRead(second, Page(1))); // short: the last
        Assert.Equal(2, cycle.PagesRead);

        Assert.Null(cycle.Answered(new ReadBackFinished("cartona#000", cycle.PassId, 2, 1, 0, true), T0.AddMinutes(17)));
        var done = cycle.Answered(new ReadBackFinished("cartona#001", cycle.PassId, 1, 0, 1, false), T0.AddMinutes(17))!;
        Assert.Equal(new ListingsReadBack("cartona", 2, 3, 3, 1, 1, 1, T0.AddMinutes(15), T0.AddMinutes(17)), done);
        Assert.False(cycle.Running);
        Assert.Null(cycle.StartIfDue(T0.AddMinutes(31))); // the next is due an interval after this one ended
        Assert.NotNull(cycle.StartIfDue(T0.AddMinutes(32)));
    }

    [Fact]
    public void A_late_or_repeated_answer_counts_once_and_a_pass_given_up_on_counts_the_silent_slices_incomplete()
    {
        var cycle = new ReadBackCycle("cartona", Interval, 100, slices: 3, T0);
        cycle.PageRead(cycle.StartIfDue(T0.AddMinutes(15))!, Page(0, last: true));
        var answer = new ReadBackFinished("cartona#000", cycle.PassId, 5, 0, 0, true);
        Assert.Null(cycle.Answered(answer, T0.AddMinutes(16)));
        Assert.Null(cycle.Answered(answer, T0.AddMinutes(16)));
        var done = cycle.GiveUpWaiting(cycle.PassId, T0.AddMinutes(17))!;
        Assert.Equal((5, 2), (done.Compared, done.IncompleteSlices));
        Assert.Null(cycle.Answered(new ReadBackFinished("cartona#001", 1, 5, 0, 0, true), T0.AddMinutes(18)));
    }
}
