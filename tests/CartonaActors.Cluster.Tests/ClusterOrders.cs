using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Cluster.Tests;

/// <summary>
/// Retailers ordering on Cartona while the cluster is under load: a few retailers, so concurrent orders of one
/// retailer meet on different nodes. Afterwards the shop confirms every imported order in Odoo, which must release
/// its stock hold and reach Cartona as "approved".
/// </summary>
public sealed class ClusterOrders(ClusterWorld world, int seed)
{
    private const int Retailers = 5;
    private readonly Random _random = new(seed);
    private readonly List<string> _placed = [];

    public IReadOnlyList<string> Placed => _placed;

    /// <summary>Every variant some order placed so far holds.</summary>
    public HashSet<string> OrderedVariants { get; } = new(StringComparer.Ordinal);

    /// <summary>Sale orders in Odoo for Cartona orders, so far.</summary>
    public int Imported => SaleOrders().Count();

    /// <summary>Places <paramref name="count"/> pending orders of one or two lines of random variants.</summary>
    public void Place(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var retailer = _random.Next(Retailers);
            var lines = Enumerable.Range(0, 1 + _random.Next(2))
                .Select(_ => new CartonaOrderLineSpec(world.Seed.VariantIds[_random.Next(world.Variants)].ToString(), 1 + _random.Next(3), 10m))
                .ToList();
            foreach (var line in lines) OrderedVariants.Add(line.InternalProductId!);
            _placed.Add(world.Cartona.Orders.Place(new CartonaOrderSpec
            {
                Retailer = new CartonaOrderRetailer($"Shop {retailer}", $"R{retailer}"), Details = lines,
            }).HashedId);
        }
    }

    /// <summary>Waits until Cartona has every order acknowledged and Odoo has a sale order for each.</summary>
    public Task UntilImportedAsync(TimeSpan within) => Until.TrueAsync(
        () => world.Cartona.Orders.QueuedCount == 0 && SaleOrders().Select(o => o.ClientOrderRef).Distinct().Count() >= _placed.Count,
        within, $"{_placed.Count} orders acknowledged and in Odoo");

    /// <summary>The shop confirms every imported quotation in Odoo.</summary>
    public async Task ConfirmAllInOdooAsync()
    {
        foreach (var order in SaleOrders().Where(o => o.State == "draft")) await world.Odoo.ConfirmSaleOrderAsync(order.Id);
    }

    public Task UntilApprovedOnCartonaAsync(TimeSpan within) => Until.TrueAsync(
        () => _placed.All(id => world.Cartona.Orders.Get(id)?.Status == CartonaOrderStatus.Approved),
        within, "every order approved on Cartona");

    /// <summary>After a load: every order imported and acknowledged, then confirmed in Odoo; afterwards Cartona equals
    /// Odoo (so no hold is left on a confirmed order), every order is approved on Cartona, and each has exactly one
    /// sale order, each retailer one partner.</summary>
    public async Task SettleAndVerifyAsync(TimeSpan within)
    {
        await UntilImportedAsync(within);
        await ConfirmAllInOdooAsync();
        await world.UntilQuiescentAsync(within);
        await UntilApprovedOnCartonaAsync(within);
        Assert.Empty(Problems());
    }

    /// <summary>Everything that breaks "one sale order per marketplace order, one partner per retailer", described.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        var byRef = SaleOrders().GroupBy(o => o.ClientOrderRef).ToDictionary(g => g.Key!, g => g.Count());
        foreach (var id in _placed)
            if (byRef.GetValueOrDefault($"cartona/{id}") != 1) problems.Add($"order {id}: {byRef.GetValueOrDefault($"cartona/{id}")} sale orders");
        if (byRef.Count != _placed.Count) problems.Add($"{byRef.Count} sale orders for {_placed.Count} Cartona orders");
        foreach (var retailer in world.Odoo.Partners().Where(p => p.Ref?.StartsWith("retailer_", StringComparison.Ordinal) == true).GroupBy(p => p.Ref))
            if (retailer.Count() != 1) problems.Add($"{retailer.Count()} partners with ref {retailer.Key}");
        return problems;
    }

    private IEnumerable<Sandbox.Odoo.OdooSaleOrderRecord> SaleOrders() =>
        world.Odoo.SaleOrders().Where(o => o.ClientOrderRef?.StartsWith("cartona/", StringComparison.Ordinal) == true);
}
