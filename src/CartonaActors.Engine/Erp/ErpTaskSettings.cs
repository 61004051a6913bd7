using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Engine.Configuration;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Erp;

/// <summary>What the ERP connector's actors are built with.</summary>
public sealed record ErpTaskSettings(IOdooCatalog Odoo, ErpSyncOptions Sync, int PageSize, Func<IActorRegistry, ErpProductFeeder> FeederFor,
    IOdooSales Sales, CartonaActors.Engine.Orders.ErpOrderRouting OrderRouting, IReadOnlyList<string> ListingConnections);
