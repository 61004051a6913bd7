using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using CartonaActors.Domain.Orders;
using CartonaActors.Erp;

namespace CartonaActors.Engine.Orders;

/// <summary>
/// One retailer as an ERP customer. The single writer for its partner: orders of the same retailer arriving
/// at once queue here, so the partner is looked up by its external id (<c>ref = retailer_&lt;code&gt;</c>)
/// and created at most once, and its details are written again only when they change.
/// </summary>
public sealed class CustomerEntity : ReceivePersistentActor
{
    private readonly IOdooSales _sales;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long? _partnerId;
    private string? _digest;

    public static Props PropsFor(string customerId, IOdooSales sales) => Props.Create(() => new CustomerEntity(customerId, sales));

    public CustomerEntity(string customerId, IOdooSales sales)
    {
        _sales = sales;
        PersistenceId = "customer-" + customerId;
        Recover<CustomerPartnerLinked>(e => (_partnerId, _digest) = (e.PartnerId, e.DetailsDigest));
        Idle();
    }

    public override string PersistenceId { get; }

    private void Idle()
    {
        Command<EnsureCustomer>(m =>
        {
            var values = Values(m);
            var digest = Digest(values);
            if (_partnerId is { } known && digest == _digest)
            {
                Sender.Tell(new CustomerEnsured(m.CustomerId, known));
                return;
            }
            var replyTo = Sender;
            Become(Working);
            EnsureAsync(_partnerId, values).PipeTo(Self,
                success: id => new Done(m.CustomerId, id, digest, replyTo),
                failure: ex => new Failed(m.CustomerId, ex is OdooException ? ex.Message : ex.GetType().Name, replyTo));
        });
        Command<StopEntity>(_ => Context.Stop(Self));
    }

    /// <summary>One ERP round at a time; what arrives meanwhile waits.</summary>
    private void Working()
    {
        Command<Done>(d => Persist(new CustomerPartnerLinked(d.CustomerId, d.PartnerId, d.Digest), e =>
        {
            if (_partnerId is null) _log.Info("Customer {CustomerId} is ERP partner {PartnerId}", e.CustomerId, e.PartnerId);
            (_partnerId, _digest) = (e.PartnerId, e.DetailsDigest);
            d.ReplyTo.Tell(new CustomerEnsured(e.CustomerId, e.PartnerId));
            Become(Idle);
            Stash.UnstashAll();
        }));
        Command<Failed>(f =>
        {
            _log.Warning("Customer {CustomerId} could not be ensured in the ERP: {Reason}", f.CustomerId, f.Reason);
            f.ReplyTo.Tell(new CustomerNotEnsured(f.CustomerId, f.Reason));
            Become(Idle);
            Stash.UnstashAll();
        });
        CommandAny(_ => Stash.Stash());
    }

    private async Task<long> EnsureAsync(long? known, PartnerValues values)
    {
        var id = known ?? await _sales.FindPartnerByRefAsync(values.Ref, CancellationToken.None);
        if (id is { } existing)
        {
            await _sales.UpdatePartnerAsync(existing, values, CancellationToken.None);
            return existing;
        }
        return await _sales.CreatePartnerAsync(values, CancellationToken.None);
    }

    private static PartnerValues Values(EnsureCustomer m) => new(m.CustomerId, string.IsNullOrWhiteSpace(m.Customer.Name) ? "Marketplace customer " + m.CustomerId : m.Customer.Name,
        m.Customer.Phone, m.Customer.Phone2, m.Customer.Email, m.Customer.Address);

    private static string Digest(PartnerValues v) => string.Join("\u001f", v.Name, v.Phone, v.Mobile, v.Email, v.Street);

    private sealed record Done(string CustomerId, long PartnerId, string Digest, IActorRef ReplyTo);

    private sealed record Failed(string CustomerId, string Reason, IActorRef ReplyTo);

}
