namespace CartonaActors.Sandbox.Odoo;

/// <summary>A user the emulator accepts: <paramref name="ApiKey"/> is accepted as the password, as Odoo does for
/// RPC. An inactive user is refused.</summary>
public sealed record OdooUser(long Uid, string Login, string ApiKey, bool Active = true);
