namespace CartonaActors.Sandbox.Odoo;

/// <summary>Field types the emulator stores; values are held as the C# type noted.</summary>
public enum OdooFieldType
{
    /// <summary><see cref="string"/>.</summary>
    Char,
    /// <summary><see cref="long"/>.</summary>
    Integer,
    /// <summary><see cref="decimal"/>; written on the wire as a Python float.</summary>
    Float,
    /// <summary><see cref="bool"/>.</summary>
    Boolean,
    /// <summary><see cref="DateTime"/> (UTC, microseconds kept).</summary>
    Datetime,
    /// <summary>The target's id as <see cref="long"/>.</summary>
    Many2One,
    /// <summary>Ids as <c>long[]</c>: a one2many (computed from the children's many2one) or a stored many2many.</summary>
    X2Many,
    /// <summary><see cref="string"/> among a fixed set of keys.</summary>
    Selection,
}
