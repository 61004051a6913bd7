namespace CartonaActors.Sandbox.Odoo;

/// <summary>One JSON-RPC call the emulator answered.</summary>
/// <param name="Service"><c>common</c> or <c>object</c>.</param>
/// <param name="Method">The service method (<c>authenticate</c>) or, for execute_kw, the model method (<c>search_read</c>).</param>
/// <param name="Model">For execute_kw, the model; else null.</param>
/// <param name="Error">The error's <c>data.name</c> when the call failed.</param>
public sealed record OdooRecordedCall(DateTimeOffset At, string Service, string Method, string? Model, string? Error);
