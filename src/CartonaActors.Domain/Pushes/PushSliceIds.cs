using System.Globalization;
using CartonaActors.Domain.Sync;

namespace CartonaActors.Domain.Pushes;

/// <summary>A message routed to one push slice.</summary>
public interface IWithSliceId
{
    string SliceId { get; }
}

/// <summary>
/// Each connection's push bookkeeping is spread over a fixed number of slices; a product always lands in the
/// same one (a stable hash), so one slice is the only writer of what a connection was sent for that product.
/// The count is fixed for the life of a journal: changing it would split a product's history over two slices.
/// </summary>
public static class PushSliceIds
{
    private const char Separator = '#';

    public static string Of(string connectionId, string productId, int slices) =>
        Name(connectionId, (int)(StableHash.Of(productId) % (uint)slices));

    public static string Name(string connectionId, int index) =>
        connectionId + Separator + index.ToString("D3", CultureInfo.InvariantCulture);

    public static IEnumerable<string> All(string connectionId, int slices) =>
        Enumerable.Range(0, slices).Select(i => Name(connectionId, i));

    public static string ConnectionOf(string sliceId) => sliceId[..sliceId.LastIndexOf(Separator)];
}
