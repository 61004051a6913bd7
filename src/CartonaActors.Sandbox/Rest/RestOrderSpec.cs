namespace CartonaActors.Sandbox.Rest;

/// <summary>
/// What a test places through <see cref="RestOrderBook.Place"/>: a buyer's order as the marketplace would
/// create it. Everything but <see cref="Lines"/> has a sensible default; totals are computed from the lines.
/// </summary>
public sealed record RestOrderSpec
{
    /// <summary>The order id; <c>ord_1001</c>, <c>ord_1002</c>… when null.</summary>
    public string? Id { get; init; }

    /// <summary>Where the order starts; any status (tests use it to start mid-cycle).</summary>
    public string Status { get; init; } = RestOrderStatus.Pending;

    public RestCustomer Customer { get; init; } = RestCustomer.Sample;

    public RestAddress ShippingAddress { get; init; } = RestAddress.Sample;

    /// <summary>Three-letter code of the order's totals.</summary>
    public string Currency { get; init; } = "EGP";

    /// <summary>At least one line; line ids 1, 2, 3… are assigned in this order.</summary>
    public IReadOnlyList<RestOrderLineSpec> Lines { get; init; } = [];
}

/// <summary>One line of a placed order; <see cref="Name"/> defaults to <c>Product &lt;external_id&gt;</c>.</summary>
public sealed record RestOrderLineSpec(string ExternalId, int Qty, decimal UnitPrice)
{
    public string? Name { get; init; }
}

/// <summary>The buyer block of an order.</summary>
public sealed record RestCustomer(string Id, string Name, string? Phone = null, string? Email = null)
{
    public static readonly RestCustomer Sample = new("c_17", "Mona Adel", "+201001234567", "mona@example.com");
}

/// <summary>Where the order ships to.</summary>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
public sealed record RestAddress(string Line1, string City, string Country)
{
    public static readonly RestAddress Sample = new("12 El Tahrir St", "Giza", "EG");
}
