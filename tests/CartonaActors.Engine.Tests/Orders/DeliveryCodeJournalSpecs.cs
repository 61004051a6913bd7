using System.Text;
using Akka.Actor;
using Akka.Hosting;
using CartonaActors.Domain.Orders;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Hosting;
using CartonaActors.Engine.Orders;
using CartonaActors.Engine.Serialization;
using CartonaActors.Engine.Tests.Holds;
using CartonaActors.Marketplaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartonaActors.Engine.Tests.Orders;

/// <summary>The buyer's delivery code (Cartona's retailer OTP) is a credential: the journal and the snapshots
/// record that one was given, never the code.</summary>
public sealed class DeliveryCodeJournalSpecs
{
    private const string OrderId = "cartona/OTP1";
    private const string Code = "otp-735194";

    [Fact]
    public async Task Neither_the_journal_nor_a_snapshot_holds_the_code()
    {
        var persistence = Databases.NewSqlite();
        var file = new SqliteConnectionStringBuilder(persistence.ConnectionString).DataSource;
        var host = new HostBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(s => s.AddAkka("otp-journal", akka => akka
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithSyncPersistence(persistence)
                .WithCustomSerializer("sync", [typeof(IWireSerializable)],
                    system => new SyncSerializer(system, TestNode.Platforms.LegacyEventReaders()))))
            .Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var registry = ActorRegistry.For(system);
        registry.Register<ProductRegion>(ActorRefs.Nobody);
        registry.Register<MarketplaceRegion>(ActorRefs.Nobody);
        registry.Register<CustomerRegion>(ActorRefs.Nobody);

        // A snapshot after every event, so the snapshot store is checked too.
        var order = system.ActorOf(OrderEntity.PropsFor(OrderId, OrderWorld.SettingsFor(new ScriptedSales(), snapshotEvery: 1)));
        await order.Ask<OrderState>(new DeliverWithOtp(OrderId, Code), TimeSpan.FromSeconds(10));
        Assert.Equal(Code, (await order.Ask<OrderState>(new GetOrder(OrderId), TimeSpan.FromSeconds(10))).RetailerOtp);
        // A snapshot is saved after its event's handler ran: wait for it, or the host may stop before it is written.
        await Probe.UntilAsync(() => SnapshotRows(persistence.ConnectionString!) > 0, TimeSpan.FromSeconds(10));
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();

        var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file!))
                    + (File.Exists(file + "-wal") ? Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file + "-wal")) : "");
        Assert.Contains("order-delivery-code-given-v1", bytes); // the event is there, and so is the snapshot
        Assert.Contains("order-state-v2", bytes);
        Assert.DoesNotContain(Code, bytes);
    }

    private static long SnapshotRows(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%snapshot%'";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));
        long rows = 0;
        foreach (var name in names)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{name}\"";
            rows += (long)count.ExecuteScalar()!;
        }
        return rows;
    }
}
