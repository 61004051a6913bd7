namespace CartonaActors.Engine.Orders;

/// <summary>
/// How many orders of this node work against the ERP at once. Without a bound, a pull of thousands of orders
/// starts thousands of imports that all queue at the ERP client's call gate; a step's later calls (the
/// customer's look-up, the sale order's create) then wait behind every other order's first call, and under a
/// slow CPU their timeouts fire while nothing is wrong, each retry queueing again behind the rest. With the
/// bound, an order waits here, where no timeout runs, and once it starts its calls meet a short queue.
/// </summary>
public sealed class ErpOrderWork(int concurrentOrders)
{
    private readonly SemaphoreSlim _permits = new(Math.Max(1, concurrentOrders));

    /// <summary>Runs <paramref name="work"/> once a permit is free (first come, first served).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        await _permits.WaitAsync().ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            _permits.Release();
        }
    }
}
