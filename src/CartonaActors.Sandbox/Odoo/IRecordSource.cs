namespace CartonaActors.Sandbox.Odoo;

/// <summary>Read access to records: the committed store, or a transaction's view of it with its own changes.</summary>
public interface IRecordSource
{
    OdooRecord? Find(string model, long id);

    /// <summary>Every record of the model, in no particular order.</summary>
    IEnumerable<OdooRecord> All(string model);

    /// <summary>Records of <paramref name="model"/> whose indexed many2one <paramref name="field"/> is <paramref name="targetId"/>.</summary>
    IEnumerable<OdooRecord> Referencing(string model, string field, long targetId);
}
