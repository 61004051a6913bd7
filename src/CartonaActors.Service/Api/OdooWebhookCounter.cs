namespace CartonaActors.Service.Api;

/// <summary>Odoo webhooks this node received since it started, for the configuration page: whether Odoo's
/// automation rules reach the service at all, and whether they carry the right secret.</summary>
public sealed class OdooWebhookCounter
{
    private long _accepted;
    private long _refused;
    private long _lastAcceptedTicks;

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Refused => Interlocked.Read(ref _refused);
    public long Received => Accepted + Refused;

    public DateTimeOffset? LastAcceptedAt => Interlocked.Read(ref _lastAcceptedTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void Accept(DateTimeOffset at)
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Exchange(ref _lastAcceptedTicks, at.UtcTicks);
    }

    public void Refuse() => Interlocked.Increment(ref _refused);
}
