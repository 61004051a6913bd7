using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class DebouncePolicySpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly DebouncePolicy _policy = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

    [Fact]
    public void A_single_change_is_pushed_after_the_quiet_window()
    {
        Assert.Equal(T0.AddMilliseconds(250), _policy.DueAt(T0, T0));
    }

    [Fact]
    public void Each_change_restarts_the_quiet_window()
    {
        Assert.Equal(T0.AddMilliseconds(450), _policy.DueAt(T0, T0.AddMilliseconds(200)));
    }

    [Fact]
    public void A_continuous_burst_is_still_pushed_by_the_maximum_delay()
    {
        Assert.Equal(T0.AddSeconds(1), _policy.DueAt(T0, T0.AddMilliseconds(900)));
        Assert.Equal(TimeSpan.Zero, _policy.DelayFrom(T0.AddSeconds(2), T0, T0.AddMilliseconds(1900)));
    }
}
