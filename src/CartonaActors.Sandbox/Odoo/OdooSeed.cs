namespace CartonaActors.Sandbox.Odoo;

/// <summary>Ids of seeded products: <c>VariantIds[i]</c> belongs to <c>TemplateIds[i]</c> for one-variant seeds.</summary>
public sealed record OdooSeed(IReadOnlyList<long> TemplateIds, IReadOnlyList<long> VariantIds);

/// <summary>One seeded template and its variants, in the order their codes were given.</summary>
public sealed record OdooSeededProduct(long TemplateId, IReadOnlyList<long> VariantIds);
