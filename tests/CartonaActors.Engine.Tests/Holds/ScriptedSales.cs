using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests.Holds;

/// <summary>An ERP with one sale order (created on the first create), whose reads answer when the test lets them.</summary>
internal sealed class ScriptedSales : IOdooSales
{
    public const long SaleOrderId = 70;
    private readonly Queue<TaskCompletionSource> _gates = new();
    private int _reads;

    /// <summary>What a read of the sale order answers.</summary>
    public string State { get; set; } = "draft";

    public IReadOnlyList<OdooSaleLine> Lines { get; set; } = [];

    public int ReadsStarted => Volatile.Read(ref _reads);

    /// <summary>The next read waits until the returned gate is opened.</summary>
    public TaskCompletionSource HoldNextRead()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gates) _gates.Enqueue(gate);
        return gate;
    }

    public async Task<IReadOnlyList<OdooSaleOrder>> ReadSaleOrdersAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        Task gate;
        lock (_gates) gate = _gates.Count > 0 ? _gates.Dequeue().Task : Task.CompletedTask;
        Interlocked.Increment(ref _reads);
        await gate;
        return [new OdooSaleOrder(SaleOrderId, null, State, false, false, Lines, DateTime.UtcNow)];
    }

    public Task<OdooSaleOrder?> FindSaleOrderByRefAsync(string clientOrderRef, CancellationToken ct) => Task.FromResult<OdooSaleOrder?>(null);
    public Task<long> CreateSaleOrderAsync(SaleOrderValues values, CancellationToken ct) => Task.FromResult(SaleOrderId);
    public Task ConfirmSaleOrderAsync(long id, CancellationToken ct) => Task.CompletedTask;
    public Task CancelSaleOrderAsync(long id, CancellationToken ct) => Task.CompletedTask;
    public Task ValidateDeliveryAsync(long id, CancellationToken ct) => Task.CompletedTask;
    public Task ReplaceLinesAsync(long id, IReadOnlyList<SaleLineValues> lines, CancellationToken ct) => Task.CompletedTask;
    public Task<long?> FindPartnerByRefAsync(string reference, CancellationToken ct) => throw new NotSupportedException();
    public Task<long> CreatePartnerAsync(PartnerValues values, CancellationToken ct) => throw new NotSupportedException();
    public Task UpdatePartnerAsync(long partnerId, PartnerValues values, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyList<OdooSaleOrder>> ReadChangedSaleOrdersAsync(DateTime since, DateTime? afterWriteDate, long afterId, int limit, CancellationToken ct) =>
        throw new NotSupportedException();
    public Task<IReadOnlyList<long>> SaleOrderIdsOfPickingsAsync(IReadOnlyCollection<long> pickingIds, CancellationToken ct) =>
        throw new NotSupportedException();
}
