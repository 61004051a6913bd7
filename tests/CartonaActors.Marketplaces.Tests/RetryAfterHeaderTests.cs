using System.Net.Http.Headers;
using CartonaActors.Marketplaces.Http;

namespace CartonaActors.Marketplaces.Tests;

/// <summary>A platform's Retry-After pauses its connection; no answer may pause it for good.</summary>
public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_date_years_ahead_pauses_at_most_the_longest_wait()
    {
        var farAhead = RetryConditionHeaderValue.Parse("Fri, 31 Dec 9999 23:59:59 GMT");

        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Read(farAhead, Now));
    }

    [Fact]
    public void Seconds_beyond_the_longest_wait_are_cut_to_it_and_shorter_ones_kept()
    {
        Assert.Equal(RetryAfterHeader.Longest, RetryAfterHeader.Read(new RetryConditionHeaderValue(TimeSpan.FromSeconds(int.MaxValue)), Now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHeader.Read(new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)), Now));
    }
}
