using CartonaActors.Erp;

namespace CartonaActors.Engine.Tests;

/// <summary>Answers each variant read with the next scripted price, when that price's task completes.</summary>
internal sealed class ScriptedOdoo : IOdooCatalog
{
    private readonly Queue<Task<decimal>> _answers = new();
    private int _readsStarted;

    public int ReadsStarted => Volatile.Read(ref _readsStarted);

    public void Next(Task<decimal> price)
    {
        lock (_answers) _answers.Enqueue(price);
    }

    public async Task<IReadOnlyList<OdooVariant>> ReadVariantsAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        Task<decimal> answer;
        lock (_answers) answer = _answers.Count > 0 ? _answers.Dequeue() : Task.FromResult(20m);
        Interlocked.Increment(ref _readsStarted);
        var price = await answer;
        return ids.Select(id => new OdooVariant(id, 1, $"V{id}", price, true, true, null, false, DateTime.UtcNow)).ToList();
    }

    public Task<IReadOnlyList<OdooWarehouse>> ReadWarehousesAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<OdooWarehouse>>([]);
    public Task<int> CountVariantsAsync(CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, long>> FindVariantIdsAsync(string field, IReadOnlyCollection<string> values, CancellationToken ct) =>
        throw new NotSupportedException();
    public Task<IReadOnlyList<OdooVariant>> ReadVariantsAfterAsync(long afterId, int limit, CancellationToken ct) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<long, decimal>> ReadFreeQuantitiesAsync(IReadOnlyCollection<long> variantIds, long warehouseId, CancellationToken ct) =>
        throw new NotSupportedException();
    public Task<IReadOnlyList<long>> ResolveVariantIdsAsync(string model, IReadOnlyCollection<long> recordIds, CancellationToken ct) =>
        throw new NotSupportedException();
    public Task<IReadOnlyList<OdooChange>> ReadChangedAsync(string model, DateTime since, DateTime? afterWriteDate, long afterId, int limit, CancellationToken ct) =>
        throw new NotSupportedException();
}
