using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Erp;

/// <summary>A message for one of the ERP connector's long-running tasks (a model's poller, the catalog load).</summary>
public interface IWithErpTaskId
{
    string TaskId { get; }
}

public static class ErpTasks
{
    public const string CatalogLoad = "catalog-load";
    public static string PollerOf(string model) => "poller-" + model;
    public static string? ModelOfPoller(string taskId) => taskId.StartsWith("poller-", StringComparison.Ordinal) ? taskId["poller-".Length..] : null;
}

/// <summary>Poll the model now (also the timer's tick, and the wake-up after a start).</summary>
public sealed record PollNow(string TaskId) : IWithErpTaskId, IWireSerializable;

public sealed record GetPollerStatus(string TaskId) : IWithErpTaskId, IWireSerializable;

/// <summary>Where a model's poller stands.</summary>
public sealed record PollerStatus(string Model, DateTime? Cursor, DateTimeOffset? LastPollAt, int LastPollChanges, string? LastError)
    : IWireSerializable;

/// <summary>The poller has fed every change of its model up to this write_date (Odoo's naive UTC clock).</summary>
public sealed record ErpCursorAdvanced(string TaskId, DateTime WriteDate) : IWithErpTaskId, IWireSerializable;

public sealed record StartCatalogLoad(string TaskId) : IWithErpTaskId, IWireSerializable;

public sealed record GetCatalogLoadProgress(string TaskId) : IWithErpTaskId, IWireSerializable;

/// <summary>A full catalog load's progress; <see cref="Read"/> of <see cref="Total"/> variants fed so far.</summary>
public sealed record CatalogLoadProgress(
    bool Running,
    int Total,
    int Read,
    long AfterId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? LastError) : IWireSerializable
{
    public static readonly CatalogLoadProgress None = new(false, 0, 0, 0, null, null, null);
}

public sealed record CatalogLoadStarted(string TaskId, int Total, DateTimeOffset At) : IWithErpTaskId, IWireSerializable;

/// <summary>Every variant with id ≤ <see cref="LastId"/> was fed: a restart resumes after it.</summary>
public sealed record CatalogPageLoaded(string TaskId, long LastId, int Count, DateTimeOffset At) : IWithErpTaskId, IWireSerializable;

public sealed record CatalogLoadCompleted(string TaskId, DateTimeOffset At) : IWithErpTaskId, IWireSerializable;
