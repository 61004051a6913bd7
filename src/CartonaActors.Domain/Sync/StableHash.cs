namespace CartonaActors.Domain.Sync;

/// <summary>A string hash that is the same in every process and .NET version (FNV-1a), for anything that
/// spreads ids over a fixed number of persistent buckets: string.GetHashCode is randomised per process.</summary>
public static class StableHash
{
    public static uint Of(string value)
    {
        uint hash = 2166136261;
        foreach (var c in value)
        {
            hash ^= c;
            hash *= 16777619;
        }
        return hash;
    }
}
