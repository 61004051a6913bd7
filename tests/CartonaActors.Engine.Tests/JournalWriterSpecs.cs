using Akka.Actor;
using Akka.Persistence;
using CartonaActors.Engine.Hosting;

namespace CartonaActors.Engine.Tests;

/// <summary>
/// An entity's events may be written by different plugin instances over its life (another node after a hand-off,
/// and back; on PostgreSQL also the two instances of one node), and the SQL plugin stamps each with its own
/// writer id. Recovery must read every event: Akka's replay filter, left on, drops the events of a writer it saw
/// before another, which put older values back on the marketplace after nodes died and returned.
/// </summary>
public sealed class JournalWriterSpecs
{
    private sealed record Note(string Text);

    private sealed class Notebook : ReceivePersistentActor
    {
        private readonly List<string> _notes = [];

        public Notebook(string persistenceId, string journal)
        {
            PersistenceId = persistenceId;
            JournalPluginId = journal;
            Recover<string>(_notes.Add);
            Command<Note>(n => Persist(n.Text, t =>
            {
                _notes.Add(t);
                Sender.Tell(_notes.ToList());
            }));
            Command<string>(q => Sender.Tell(_notes.ToList()));
        }

        public override string PersistenceId { get; }
    }

    [Fact]
    public async Task Events_written_by_one_writer_then_another_then_the_first_again_all_recover()
    {
        await using var cartona = await Emulators.CartonaAsync(1);
        await using var node = await TestNode.StartAsync(TestNode.Options(cartona.BaseUrl, Emulators.Token, await Databases.NewPostgreSqlAsync()));
        var (infrastructure, _) = JournalPlugins.Of(node.System);
        var products = "akka.persistence.journal.sql";
        var id = "notebook-" + Guid.NewGuid().ToString("N");

        async Task<List<string>> WriteAsync(string journal, string text)
        {
            var notebook = node.System.ActorOf(Props.Create(() => new Notebook(id, journal)));
            var notes = await notebook.Ask<List<string>>(new Note(text), TimeSpan.FromSeconds(10));
            await notebook.GracefulStop(TimeSpan.FromSeconds(5));
            return notes;
        }

        await WriteAsync(products, "first");
        await WriteAsync(infrastructure, "second");
        Assert.Equal(["first", "second", "third"], await WriteAsync(products, "third"));
        var reader = node.System.ActorOf(Props.Create(() => new Notebook(id, infrastructure)));
        Assert.Equal(["first", "second", "third"], await reader.Ask<List<string>>("read", TimeSpan.FromSeconds(10)));
    }
}
