using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Pushes;

/// <summary>
/// An upper bound of what a push item weighs in a message between nodes: System.Text.Json writes a character as
/// at most a six-byte escape (every non-ASCII one), so a batch of ids in any script can be kept inside the remote
/// frame without serializing it first.
/// </summary>
public static class WireSize
{
    private const int PerChar = 6;
    private const int PerEntry = 32;
    private const int PerItem = 256;

    public static long Of(PushItem item) =>
        PerItem + PerChar * (item.ProductId.Length + item.ConnectionId.Length + item.Ref.Kind.Length + item.Ref.Value.Length)
        + (item.Ref.Keys?.Sum(k => PerEntry + PerChar * (k.Key.Length + k.Value.Length)) ?? 0)
        + (item.Values.ByLocation?.Sum(l => PerEntry + PerChar * l.Key.Length) ?? 0);
}
