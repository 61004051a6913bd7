using CartonaActors.Sandbox.Limits;

namespace CartonaActors.Sandbox.Amazon.Api;

/// <summary>One token bucket per operation for the one application the emulator serves (SP-API limits are per operation
/// and selling-partner/application pair). A bucket is made from the options when its operation is first called.</summary>
internal sealed class OperationLimiter(AmazonEmulatorOptions options)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, EmulatorTokenBucket> _buckets = new(StringComparer.Ordinal);

    public double Rate(string operation) => Limit(operation).Rate;

    public bool TryTake(string operation)
    {
        EmulatorTokenBucket bucket;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(operation, out bucket!))
            {
                var (rate, burst) = Limit(operation);
                _buckets[operation] = bucket = new EmulatorTokenBucket(rate, burst, options.Clock);
            }
        }
        return bucket.TryTake().Granted;
    }

    // An operation missing from the table is not limited in practice (a generous bucket).
    private (double Rate, int Burst) Limit(string operation) =>
        options.OperationLimits.TryGetValue(operation, out var l) ? l : (1000, 1000);
}
