using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Tests;

public class PacingSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_bucket_allows_a_burst_then_the_sustained_rate()
    {
        var bucket = new TokenBucket(5, 10, T0);
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => bucket.TryTake(T0)));
        Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.TimeUntilNext(T0));
        Assert.True(bucket.TryTake(T0.AddMilliseconds(200)));
        Assert.False(bucket.TryTake(T0.AddMilliseconds(200)));
    }

    [Fact]
    public void A_drained_bucket_refills_from_empty()
    {
        var bucket = new TokenBucket(5, 10, T0);
        bucket.Drain(T0);
        Assert.False(bucket.TryTake(T0));
        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => bucket.TryTake(T0.AddSeconds(1))));
    }

    [Fact]
    public void Backoff_doubles_up_to_the_maximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), 0.2);
        Assert.Equal(TimeSpan.FromMilliseconds(500), backoff.Delay(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Delay(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), backoff.Delay(10, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(600), backoff.Delay(1, 1));
    }
}
