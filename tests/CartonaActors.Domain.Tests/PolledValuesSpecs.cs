using CartonaActors.Domain.Erp;
using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Tests;

public class PolledValuesSpecs
{
    private static readonly DateTime Second10 = new(2026, 12, 2, 10, 0, 10, DateTimeKind.Utc);
    private static readonly DateTimeOffset Read = new(2026, 12, 2, 10, 0, 15, TimeSpan.Zero);

    private static UpdateProduct Price(decimal price, DateTimeOffset readAt) =>
        new("7", price, new Dictionary<string, decimal> { ["WH1"] = 3 }, false, null, null, readAt);

    [Fact]
    public void A_re_read_of_the_same_change_with_the_same_values_is_not_fed_again()
    {
        var polled = new PolledValues();
        polled.Remember(Price(21m, Read), Second10);
        Assert.True(polled.AlreadyFed(Price(21m, Read.AddMinutes(1)), Second10));
    }

    [Fact]
    public void A_newer_change_record_or_other_values_are_fed_even_when_the_value_returns()
    {
        var polled = new PolledValues();
        polled.Remember(Price(21m, Read), Second10);
        // Odoo went 21 -> 23 -> 21 through other paths: the record's write_date moved, so it is fed.
        Assert.False(polled.AlreadyFed(Price(21m, Read.AddMinutes(1)), Second10.AddSeconds(30)));
        // A late commit of the same second shows other values.
        Assert.False(polled.AlreadyFed(Price(22m, Read.AddMinutes(1)), Second10));
    }

    [Fact]
    public void A_feed_read_within_the_changes_own_second_is_fed_again()
    {
        // Another write of that second may have committed after the read: only a read after the second proves all.
        var polled = new PolledValues();
        polled.Remember(Price(21m, new DateTimeOffset(Second10).AddMilliseconds(500)), Second10);
        Assert.False(polled.AlreadyFed(Price(21m, Read.AddMinutes(1)), Second10));
    }

    [Fact]
    public void What_left_the_poll_window_is_forgotten()
    {
        var polled = new PolledValues();
        polled.Remember(Price(21m, Read), Second10);
        polled.ForgetBefore(Second10.AddSeconds(1));
        Assert.Equal(0, polled.Count);
        Assert.False(polled.AlreadyFed(Price(21m, Read.AddMinutes(1)), Second10));
    }
}
