using Akka.Actor;
using Akka.Persistence;
using CartonaActors.Domain.Products;
using CartonaActors.Engine.Configuration;
using CartonaActors.Engine.Hosting;

namespace CartonaActors.Engine.Tests;

/// <summary>On PostgreSQL the infrastructure entities write through their own plugin instance (a write queue of
/// their own, the same tables); on SQLite, whose file has one writer, through the default one.</summary>
public sealed class JournalPluginSpecs
{
    [Fact]
    public async Task On_postgresql_push_slices_write_through_their_own_plugin_into_the_same_table_as_products()
    {
        var persistence = await Databases.NewPostgreSqlAsync();
        await using var cartona = await Emulators.CartonaAsync(5);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, persistence));
        var plugins = Persistence.Instance.Apply(node.System);
        var (journal, _) = JournalPlugins.Of(node.System);
        Assert.Equal(JournalPlugins.Journal(PersistenceProvider.PostgreSql), journal);
        Assert.NotEqual(plugins.JournalFor(null), plugins.JournalFor(journal));

        await PushOneAsync(node);
        await using var connection = new Npgsql.NpgsqlConnection(persistence.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM public.journal WHERE persistence_id LIKE 'push-slice-%'";
        Assert.True(Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task On_sqlite_everything_writes_through_the_one_default_plugin()
    {
        await using var cartona = await Emulators.CartonaAsync(5);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, Databases.NewSqlite()));
        var plugins = Persistence.Instance.Apply(node.System);
        var (journal, snapshots) = JournalPlugins.Of(node.System);
        Assert.Equal(("", ""), (journal, snapshots));
        Assert.Equal(plugins.JournalFor(null), plugins.JournalFor(journal));
        await PushOneAsync(node);
    }

    private static async Task PushOneAsync(TestNode node)
    {
        var result = await node.Products.Ask<ProductUpdateResult>(new UpdateProduct("sku-1", 5m, null, null,
            [new ListingRequest("cartona", new ListingRef("InternalProductId", "1"))], null), TimeSpan.FromSeconds(10));
        Assert.True(result.Accepted, result.Error);
        await Probe.UntilAsync(async () => (await node.PushEntryAsync("cartona", "sku-1")).ConfirmedVersion == result.Version, TimeSpan.FromSeconds(20));
    }
}
