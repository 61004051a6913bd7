using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.SyncLog;

/// <summary>Starts (or reaches) the one sync log projection of the cluster.</summary>
public sealed record StartSyncLogProjection : IWireSerializable
{
    public static readonly StartSyncLogProjection Instance = new();
}

/// <summary>Asks the projection where it stands; answered with <see cref="SyncLogProjectionStatus"/>.</summary>
public sealed record GetSyncLogProjection : IWireSerializable
{
    public static readonly GetSyncLogProjection Instance = new();
}

/// <param name="Offset">The journal position every tagged event up to which is in the table.</param>
public sealed record SyncLogProjectionStatus(bool Running, long Offset, long RowsWritten) : IWireSerializable;
