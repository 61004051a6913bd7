namespace CartonaActors.Sandbox.Odoo;

/// <summary>
/// A model method callable over execute_kw. Returns what Odoo would answer, as values the JSON-RPC writer knows:
/// null, bool, numbers, string, <see cref="DateTime"/>, lists, string-keyed dictionaries.
/// </summary>
public delegate Task<object?> OdooMethod(OdooMethodCall call);
