using Akka.Actor;
using Akka.Persistence;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Hosting;

namespace CartonaActors.Engine.Tests;

/// <summary>Products write through the default journal plugin, the infrastructure entities through their own
/// instance: separate write queues on the same tables, so journals written before the split read the same.</summary>
public sealed class JournalPluginSpecs
{
    [Fact]
    public async Task Push_slices_write_through_their_own_plugin_into_the_same_table_as_products()
    {
        await using var cartona = await Emulators.CartonaAsync(5);
        var persistence = Databases.NewSqlite();
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, persistence));
        var plugins = Persistence.Instance.Apply(node.System);
        Assert.NotEqual(plugins.JournalFor(null), plugins.JournalFor(JournalPlugins.InfrastructureJournal));

        var result = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct("sku-1", 5m, null, null,
            [new ListingRequest("cartona", new ListingRef("InternalProductId", "1"))], null), TimeSpan.FromSeconds(10));
        Assert.True(result.Accepted, result.Error);
        await Probe.UntilAsync(async () => (await node.PushEntryAsync("cartona", "sku-1")).ConfirmedVersion == result.Version, TimeSpan.FromSeconds(20));

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(persistence.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT CASE WHEN persistence_id LIKE 'product-%' THEN 'p' WHEN persistence_id LIKE 'push-slice-%' THEN 's' END) FROM journal";
        Assert.Equal(2L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
