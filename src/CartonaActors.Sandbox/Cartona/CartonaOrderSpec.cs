namespace CartonaActors.Sandbox.Cartona;

/// <summary>
/// What a test places through <see cref="CartonaOrderBook.Place"/>: a retailer's order as Cartona would create it.
/// Everything but <see cref="Details"/> has a sensible default.
/// </summary>
public sealed record CartonaOrderSpec
{
    /// <summary>The supplier account (token) the order belongs to; may be left null when the emulator has one token.</summary>
    public string? Token { get; init; }

    /// <summary>Cartona's order id; a unique random 8-character id when null.</summary>
    public string? HashedId { get; init; }

    /// <summary>The order number; a sequential number when null.</summary>
    public string? ReceiptId { get; init; }

    /// <summary>One token may serve several supplier codes (marketplaces.md §1.9).</summary>
    public string SupplierCode { get; init; } = "1";

    /// <summary>Where the order starts; any Cartona status (tests use it to start mid-cycle).</summary>
    public string Status { get; init; } = CartonaOrderStatus.Pending;

    /// <summary><c>delivered_by_supplier</c> or <c>delivered_by_cartona</c>.</summary>
    public string DeliveredBy { get; init; } = CartonaOrderStatus.DeliveredBySupplier;

    public decimal CartonaCredit { get; init; }
    public decimal InstallmentCost { get; init; }
    public decimal WalletTopUp { get; init; }

    /// <summary>The retailer's OTP for installment / wallet orders; six random digits when null and one is needed.</summary>
    public string? Otp { get; init; }

    public CartonaOrderRetailer Retailer { get; init; } = CartonaOrderRetailer.Sample;

    /// <summary>At least one line.</summary>
    public IReadOnlyList<CartonaOrderLineSpec> Details { get; init; } = [];
}

/// <summary>One line of a placed or retailer-edited order. <see cref="Id"/> null = a new detail id is assigned;
/// set it in <see cref="CartonaOrderBook.RetailerFinishEdit"/> to keep an existing line.</summary>
public sealed record CartonaOrderLineSpec(string? InternalProductId, decimal Amount, decimal SellingPrice)
{
    public long? Id { get; init; }
    public string? SupplierProductId { get; init; }
    public string? ProductName { get; init; }
    public decimal AppliedSupplierDiscount { get; init; }
    public decimal AppliedCartonaDiscount { get; init; }
    public string? Comment { get; init; }
}

/// <summary>The retailer block of an order, with Cartona's field meanings.</summary>
/// <param name="Code">retailer_code: per-supplier retailer code, assigned on the first order.</param>
public sealed record CartonaOrderRetailer(
    string Name,
    string Code,
    string? Number = null,
    string? Number2 = null,
    string? Address = null,
    string? AddressNotes = null,
    string? Email = null)
{
    public static readonly CartonaOrderRetailer Sample =
        new("حياه ماركت", "A00315", "+201066313459", "+2000061774", "12 El Tahrir St, Giza", "");
}
