using Akka.Actor;
using Akka.Event;
using CartonaActors.Domain.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>
/// The ERP side of an order's steps: import (validate, ensure the customer, find or create the sale order), replace
/// its lines, confirm / cancel / validate its delivery. Each works on the order state it is given, off the entity's
/// thread, and answers the events to record; the entity decides when a step runs and records its outcome.
/// </summary>
internal sealed class OrderErpSteps(IOdooSales sales, IOdooCatalog catalog, IActorRef customers, long? orderWarehouseId, ILoggingAdapter log)
{
    private static readonly TimeSpan CustomerTimeout = TimeSpan.FromSeconds(60);

    public async Task<IReadOnlyList<IOrderEvent>> ImportAsync(OrderState state)
    {
        var order = state.Latest!;
        var id = state.OrderId;
        await ValidateAsync(state);
        var partnerId = await EnsureCustomerAsync(order);
        var existing = await sales.FindSaleOrderByRefAsync(id, CancellationToken.None);
        if (existing is null)
        {
            var created = await sales.CreateSaleOrderAsync(new SaleOrderValues(partnerId, id, order.Title,
                orderWarehouseId, Lines(order)), CancellationToken.None);
            existing = (await sales.ReadSaleOrdersAsync([created], CancellationToken.None)).Single();
            log.Info("Order {OrderId} imported as ERP sale order {SaleOrderId}", id, created);
        }
        else
        {
            log.Info("Order {OrderId} found as ERP sale order {SaleOrderId} (created before, not yet recorded)", id, existing.Id);
        }
        return
        [
            new OrderCustomerLinked(id, partnerId),
            new SaleOrderLinked(id, existing.Id, state.Version, MapLines(order.Lines, existing.Lines), order.Lines),
            Observed(id, existing),
        ];
    }

    public async Task<IReadOnlyList<IOrderEvent>> ReplaceLinesAsync(OrderState state)
    {
        var order = state.Latest!;
        await ValidateAsync(state);
        var saleOrderId = state.SaleOrderId!.Value;
        await sales.ReplaceLinesAsync(saleOrderId, Lines(order), CancellationToken.None);
        var now = (await sales.ReadSaleOrdersAsync([saleOrderId], CancellationToken.None)).Single();
        return [new OrderLinesSettled(state.OrderId, order.Lines, MapLines(order.Lines, now.Lines), state.Version), Observed(state.OrderId, now)];
    }

    /// <summary>A status step in the ERP (confirm, cancel, validate delivery), then the order as it now stands.</summary>
    public async Task<IReadOnlyList<IOrderEvent>> ApplyAsync(OrderState state, string forStatus, Func<IOdooSales, long, Task> action)
    {
        var saleOrderId = state.SaleOrderId!.Value;
        await action(sales, saleOrderId);
        var now = (await sales.ReadSaleOrdersAsync([saleOrderId], CancellationToken.None)).Single();
        return [new ErpStatusApplied(state.OrderId, forStatus), Observed(state.OrderId, now)];
    }

    /// <summary>All-or-nothing: one bad line holds the whole order, with every reason.</summary>
    private async Task ValidateAsync(OrderState state)
    {
        var order = state.Latest!;
        var variants = await catalog.ReadVariantsAsync(OrderValidation.VariantIdsOf(order), CancellationToken.None);
        var problems = OrderValidation.Problems(order, variants.ToDictionary(v => v.Id, v => new VariantAvailability(v.Id, v.Active, v.SaleOk)));
        if (problems.Count == 0) return;
        var reason = string.Join("; ", problems.Select(p => $"{p.Code}: {p.Message}"));
        // Logged and recorded once per version and reason, not on every pull.
        throw new OrderHeldException(reason == state.Hold && state.HeldVersion == state.Version ? [] : [new OrderHeld(state.OrderId, state.Version, reason)]);
    }

    private async Task<long> EnsureCustomerAsync(MarketplaceOrder order)
    {
        var customerId = CustomerIds.Of(order.Customer);
        var answer = await customers.Ask<object>(new EnsureCustomer(customerId, order.Customer), CustomerTimeout);
        return answer switch
        {
            CustomerEnsured ok => ok.PartnerId,
            CustomerNotEnsured no => throw new OdooServerException($"customer {customerId}: {no.Reason}"),
            _ => throw new InvalidOperationException($"unexpected answer {answer.GetType().Name}"),
        };
    }

    private static IReadOnlyList<SaleLineValues> Lines(MarketplaceOrder order) =>
        order.Lines.Select(d => new SaleLineValues(long.Parse(d.ListingKey!, System.Globalization.CultureInfo.InvariantCulture),
            d.Quantity, d.UnitPrice, d.Comment)).ToList();

    /// <summary>Marketplace line -> ERP line: lines are created in order; a found order is matched by variant and quantity.</summary>
    private static Dictionary<long, long> MapLines(IReadOnlyList<OrderLine> details, IReadOnlyList<OdooSaleLine> lines)
    {
        var free = lines.ToList();
        var map = new Dictionary<long, long>();
        foreach (var d in details)
        {
            var variant = long.TryParse(d.ListingKey, out var v) ? v : 0;
            var match = free.FirstOrDefault(l => l.VariantId == variant && l.Quantity == d.Quantity) ?? free.FirstOrDefault(l => l.VariantId == variant);
            if (match is null) continue;
            map[d.Id] = match.Id;
            free.Remove(match);
        }
        return map;
    }

    private static ErpOrderObserved Observed(string orderId, OdooSaleOrder o) => new(orderId, o.State, o.DeliveryDone,
        o.Lines.Select(l => new ErpLine(l.Id, l.VariantId, l.Quantity, l.PriceUnit)).ToList());
}

/// <summary>An order that cannot be imported as it stands (unknown or unsaleable products); its events say why.</summary>
internal sealed class OrderHeldException(IReadOnlyList<IOrderEvent> events) : Exception("order held")
{
    public IReadOnlyList<IOrderEvent> Events { get; } = events;
}
