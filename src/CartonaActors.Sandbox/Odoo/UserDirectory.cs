namespace CartonaActors.Sandbox.Odoo;

/// <summary>The users the emulator accepts; replaced whole on change so readers never lock.</summary>
internal sealed class UserDirectory(IEnumerable<OdooUser> initial)
{
    private OdooUser[] _users = initial.ToArray();

    public IReadOnlyList<OdooUser> Snapshot() => Volatile.Read(ref _users);

    public void Set(OdooUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        OdooUser[] current, updated;
        do
        {
            current = Volatile.Read(ref _users);
            updated = [.. current.Where(u => u.Uid != user.Uid), user];
        } while (Interlocked.CompareExchange(ref _users, updated, current) != current);
    }
}
