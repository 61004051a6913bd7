using System.Collections.Immutable;
using Akka.Actor;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Domain.Pushes;
using CartonaActors.Engine.Hosting;
using CartonaActors.Engine.Serialization;
using CartonaActors.Marketplaces.Cartona;
using Xunit.Abstractions;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// A message over Akka's remote frame limit is dropped between nodes (the association logs an error and the
/// receiver never hears of it): the largest message each input bound allows must fit the configured frame.
/// Strings are filled with a character System.Text.Json writes as a six-byte escape, the worst case per character.
/// </summary>
public sealed class RemoteFrameSpecs(ITestOutputHelper output) : IDisposable
{
    private const char Widest = 'ب';
    private readonly ActorSystem _system = ActorSystem.Create("remote-frame-specs");

    public void Dispose() => _system.Dispose();

    private static long FrameSize => HoconFiles.Load("akka.hocon").GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size")
                                     ?? throw new InvalidOperationException("maximum-frame-size is not set in hocon/akka.hocon");

    private int Size(object message)
    {
        var size = new SyncSerializer((ExtendedActorSystem)_system).ToBinary(message).Length;
        output.WriteLine($"{message.GetType().Name}: {size:N0} bytes (frame {FrameSize:N0})");
        return size;
    }

    private static string Text(int length) => new(Widest, length);

    /// <summary>The largest order validation admits: the most lines, the most JSON, and its text fields sharing the
    /// JSON's characters (each is read out of it).</summary>
    private static MarketplaceOrder LargestOrder()
    {
        var perLine = OrderValidation.MaxRawJsonLength / OrderValidation.MaxLines / 4;
        var lines = Enumerable.Range(1, OrderValidation.MaxLines).Select(i => new OrderLine(long.MaxValue - i, Text(perLine), Text(perLine),
            Text(perLine), 999_999.999m, 999_999_999.99m, Text(perLine))).ToList();
        var order = new MarketplaceOrder(Text(64), Text(64), "pending", false, "installment", true, new OrderTotals(999_999_999.99m, "EGP"),
            new MarketplaceCustomer("retailer_" + Text(64), Text(128), Text(32), Text(32), Text(128), Text(256)), lines,
            "Cartona Order " + Text(64), Text(OrderValidation.MaxRawJsonLength));
        Assert.Null(OrderValidation.Oversized(order));
        return order;
    }

    [Fact]
    public void The_largest_admitted_order_and_the_order_state_holding_it_fit_a_frame()
    {
        var order = LargestOrder();
        var state = OrderState.Empty("cartona/" + order.Id) with
        {
            Version = 1, Latest = order, SettledLines = [.. order.Lines],
            ErpLines = [.. order.Lines.Select(l => new ErpLine(l.Id, l.Id, l.Quantity, l.UnitPrice))],
            LineByDetail = order.Lines.ToImmutableSortedDictionary(l => l.Id, l => l.Id),
        };
        Assert.True(Size(new ReceiveMarketplaceOrder("cartona/" + order.Id, order)) < FrameSize);
        Assert.True(Size(state) < FrameSize);
    }

    [Fact]
    public void An_order_over_a_bound_is_not_admitted()
    {
        var order = LargestOrder();
        var tooManyLines = order with { Lines = [.. order.Lines, order.Lines[0] with { Id = 1 }] };
        var tooMuchJson = order with { RawJson = order.RawJson + " " };

        var page = OrderValidation.Admit(new OrderPage([order, tooManyLines, tooMuchJson], [], 3));

        Assert.Equal([order], page.Orders);
        Assert.Equal(2, page.Unreadable.Count);
        Assert.Contains($"more than the {OrderValidation.MaxLines}", page.Unreadable[0].Reason);
        Assert.Contains("characters of JSON", page.Unreadable[1].Reason);
    }

    private static PushItem LargestItem(int i) => new(Text(ProductValidation.MaxIdLength - 8) + i.ToString("D8"), Text(64),
        new ListingRef("InternalProductId", Text(ProductValidation.MaxIdLength),
            Enumerable.Range(0, ProductValidation.MaxListingKeys).ToImmutableSortedDictionary(k => Text(ProductValidation.MaxListingKeyLength - 2) + k.ToString("D2"), _ => Text(ProductValidation.MaxIdLength))),
        new PushedValues(ProductRules.MaxPrice, false, int.MaxValue, Enumerable.Range(0, 50).ToImmutableSortedDictionary(k => Text(62) + k.ToString("D2"), _ => int.MaxValue)),
        long.MaxValue);

    /// <summary>A slice holding only the largest items the ingress admits.</summary>
    private static PushSlice SliceOf(IEnumerable<PushItem> items)
    {
        var slice = new PushSlice(Text(64));
        foreach (var i in items) slice.Offer(new OfferPush("slice", i.ProductId, i.Version, i.Ref, i.Values));
        if (slice.NextWrite("slice") is { } write) slice.Apply(write);
        return slice;
    }

    [Fact]
    public void The_largest_batch_a_slice_hands_to_its_connection_and_its_settlement_fit_a_frame()
    {
        var items = SliceOf(Enumerable.Range(0, CartonaPlatform.MaxBatch).Select(LargestItem)).Take(CartonaPlatform.MaxBatch, DateTimeOffset.UtcNow);

        Assert.InRange(items.Count, 1, CartonaPlatform.MaxBatch - 1); // the byte budget, not the count, ended it
        Assert.True(Size(new PushesTaken(Text(80), items, int.MaxValue)) < FrameSize);
        Assert.True(Size(new SettlePushes(Text(80), [], items.Select(i => new RejectedItem(i, Text(301))).ToList())) < FrameSize);
    }

    [Fact]
    public void A_batch_of_ordinary_ids_is_not_cut_by_the_byte_budget()
    {
        var items = Enumerable.Range(0, CartonaPlatform.MaxBatch).Select(i => new PushItem($"sku-{i:D8}", "cartona",
            new ListingRef("InternalProductId", (100_000 + i).ToString()), new PushedValues(12.5m, false, 40), 1));

        Assert.Equal(CartonaPlatform.MaxBatch, SliceOf(items).Take(CartonaPlatform.MaxBatch, DateTimeOffset.UtcNow).Count);
    }

    [Fact]
    public void The_largest_product_change_and_the_product_state_answering_it_fit_a_frame()
    {
        var stock = Enumerable.Range(0, ProductValidation.MaxWarehouses)
            .ToDictionary(w => Text(ProductValidation.MaxWarehouseNameLength - 4) + w.ToString("D4"), _ => -ProductRules.MaxQuantity + 0.001m);
        var listings = Enumerable.Range(0, 20).Select(c => new ListingRequest(Text(62) + c.ToString("D2"), LargestItem(c).Ref)).ToList();
        var update = new UpdateProduct(Text(ProductValidation.MaxIdLength), ProductRules.MaxPrice, stock, true, listings, [], DateTimeOffset.MaxValue);
        Assert.Null(ProductValidation.Validate(update, _ => true));
        var (events, _) = ProductRules.Decide(ProductState.Empty(update.ProductId), update, _ => true);
        var state = events.Aggregate(ProductState.Empty(update.ProductId), ProductRules.Apply);

        Assert.True(Size(update) < FrameSize);
        Assert.True(Size(state) < FrameSize);
    }

    [Fact]
    public void The_largest_range_update_the_erp_feeder_sends_fits_a_frame()
    {
        // ERP reads: Odoo variant ids and warehouse codes (at most 5 characters in Odoo), every configured connection.
        var updates = Enumerable.Range(0, Erp.ErpProductFeeder.MaxPerRangeMessage).Select(i => new UpdateProduct(
            (long.MaxValue - i).ToString(), ProductRules.MaxPrice,
            Enumerable.Range(0, 100).ToDictionary(w => Text(2) + w.ToString("D3"), _ => -ProductRules.MaxQuantity), true,
            Enumerable.Range(0, 20).Select(c => new ListingRequest(Text(62) + c.ToString("D2"), new ListingRef("InternalProductId", Text(20)))).ToList(),
            null, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).ToList();
        Assert.True(Size(new UpdateRangeProducts(Text(40), updates)) < FrameSize);
    }
}
