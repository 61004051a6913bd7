namespace CartonaActors.Sandbox.Odoo;

/// <summary>Computes a non-stored field of one record, from what <paramref name="view"/> shows (committed data or
/// a transaction's own changes) and the call's context.</summary>
public delegate object? OdooCompute(OdooRecord record, OdooComputeContext view);

/// <summary>One field of an emulated model.</summary>
/// <param name="Relation">Target model of a many2one / x2many.</param>
/// <param name="Default">Value for <c>create</c> when not given (stored fields).</param>
/// <param name="Compute">Set for non-stored computed fields: readable, not searchable, writes ignored.</param>
/// <param name="Indexed">Many2one kept in a reverse index (target id → records), for fast lookups by parent.</param>
/// <param name="Inverse">For a one2many: the many2one on <paramref name="Relation"/> pointing back. Reads list the
/// records whose inverse is this one; create and write take Odoo's x2many commands (see <see cref="OdooTransaction"/>).</param>
public sealed record OdooField(
    string Name,
    OdooFieldType Type,
    string? Relation = null,
    object? Default = null,
    OdooCompute? Compute = null,
    bool Indexed = false,
    string? Inverse = null)
{
    public bool IsStored => Compute is null;

    /// <summary>A stored many2many: ids (<c>long[]</c>) on the record itself, written as ids or x2many commands.</summary>
    public bool IsMany2Many => Type == OdooFieldType.X2Many && IsStored && Inverse is null;

    /// <summary>A one2many whose values are written through x2many commands.</summary>
    public bool IsOne2Many => Inverse is not null;
}
