namespace CartonaActors.Sandbox.Odoo;

/// <summary>Where a transaction's operations land: its own staging view first, the store at commit.</summary>
internal interface IRecordTarget : IRecordSource
{
    /// <summary>Inserts or replaces the record (same id).</summary>
    void Put(string model, OdooRecord record);

    void Remove(string model, long id);
}
