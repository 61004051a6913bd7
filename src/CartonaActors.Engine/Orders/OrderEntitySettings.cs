using CartonaActors.Domain.Orders;
using CartonaActors.Erp;
using CartonaActors.Marketplaces;

namespace CartonaActors.Engine.Orders;

/// <summary>What every order entity is built with.</summary>
public sealed record OrderEntitySettings(
    IOdooSales Sales,
    IOdooCatalog Catalog,
    OrderSyncPolicy Policy,
    IReadOnlyDictionary<string, PlatformConnection> Connections,
    TimeSpan HeldRecheck,
    int SnapshotEvery,
    ErpOrderWork ErpWork);
