using CartonaActors.Domain.Products;

namespace CartonaActors.Domain.Listings;

/// <summary>Where a connection finds, on an ERP variant, the key the marketplace knows it by.</summary>
public enum ListingSource
{
    /// <summary>The ERP variant id itself (what the marketplace add-on for Odoo does).</summary>
    VariantId,
    /// <summary>An ERP field holding the marketplace's id (e.g. <c>x_&lt;platform&gt;_id</c>); empty = not listed.</summary>
    ErpField,
    /// <summary>The variant's internal reference (<c>default_code</c>); the marketplace matches by SKU.</summary>
    Sku,
    /// <summary>The variant's barcode.</summary>
    Barcode,
}

/// <summary>What the ERP says about a variant that decides its listing.</summary>
public sealed record ErpVariantKeys(long VariantId, string? Sku, string? Barcode, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// How one connection turns an ERP variant into a listing: which key (<see cref="Source"/>, and <see cref="Field"/>
/// for <see cref="ListingSource.ErpField"/>), under which of the platform's key kinds (<see cref="Kind"/>), and
/// whether the variant is sold there at all: every active, saleable variant, or only those whose boolean
/// <see cref="OptInField"/> is set.
/// </summary>
public sealed record ListingRule(ListingSource Source, string? Field, string Kind, string? OptInField)
{
    /// <summary>The ERP fields beyond the standard ones this rule needs read.</summary>
    public IEnumerable<string> ErpFields()
    {
        if (Source == ListingSource.ErpField && !string.IsNullOrWhiteSpace(Field)) yield return Field;
        if (Source == ListingSource.Barcode) yield return "barcode";
        if (!string.IsNullOrWhiteSpace(OptInField)) yield return OptInField;
    }

    /// <summary>The listing for a saleable variant, or null when this connection does not sell it (not opted in,
    /// or no key to list it under).</summary>
    public ListingRef? ListingFor(ErpVariantKeys variant)
    {
        if (!string.IsNullOrWhiteSpace(OptInField) && !IsTrue(variant.Fields.GetValueOrDefault(OptInField))) return null;
        var key = Source switch
        {
            ListingSource.VariantId => variant.VariantId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ListingSource.ErpField => Field is null ? null : variant.Fields.GetValueOrDefault(Field),
            ListingSource.Sku => variant.Sku,
            ListingSource.Barcode => variant.Barcode,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(key) ? null : new ListingRef(Kind, key.Trim());
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
