namespace CartonaActors.Sandbox.Cartona;

/// <summary>A snapshot of one order as the emulated Cartona holds it.</summary>
/// <param name="Token">The supplier account the order belongs to.</param>
/// <param name="Version">Bumped by every retailer- or Cartona-side change (each re-queues the order).</param>
/// <param name="LastPulledVersion">The version the last pull returned; 0 before any pull.</param>
/// <param name="AckedVersion">The version the last <c>synced</c> acknowledged; 0 before any.</param>
/// <param name="UpdatedAt">When the order last changed on Cartona's side (the pull queue's order).</param>
/// <param name="Otp">The retailer's OTP, when the order needs one to be delivered.</param>
/// <param name="Details">Every line, cancelled ones included (they are not pulled).</param>
/// <param name="StatusHistory">Accepted supplier status changes, oldest first.</param>
/// <param name="DetailEdits">Accepted supplier line edits, oldest first.</param>
public sealed record CartonaOrderState(
    string Token,
    string HashedId,
    string ReceiptId,
    string SupplierCode,
    string Status,
    string DeliveredBy,
    decimal CartonaCredit,
    decimal InstallmentCost,
    decimal WalletTopUp,
    string? Otp,
    string? CancellationReason,
    CartonaOrderRetailer Retailer,
    IReadOnlyList<CartonaOrderLine> Details,
    long Version,
    long LastPulledVersion,
    long AckedVersion,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<SupplierStatusChange> StatusHistory,
    IReadOnlyList<SupplierDetailEdit> DetailEdits)
{
    /// <summary>The latest version has been acknowledged: the order is out of the pull queue.</summary>
    public bool Acked => AckedVersion >= Version;

    /// <summary>Σ selling_price × amount over the lines not cancelled.</summary>
    public decimal TotalPrice => ActiveDetails.Sum(d => d.SellingPrice * d.Amount);

    public IEnumerable<CartonaOrderLine> ActiveDetails => Details.Where(d => !d.Cancelled);

    public bool RequiresOtp => InstallmentCost > 0 || WalletTopUp > 0;
}

/// <summary>One order detail (line).</summary>
public sealed record CartonaOrderLine(
    long Id,
    string? InternalProductId,
    string? SupplierProductId,
    string? ProductName,
    decimal Amount,
    decimal SellingPrice,
    decimal AppliedSupplierDiscount,
    decimal AppliedCartonaDiscount,
    string? Comment,
    bool Cancelled);

/// <summary>A status change the supplier sent and the emulator accepted.</summary>
public sealed record SupplierStatusChange(
    DateTimeOffset At, string From, string To, string? RetailerOtp, string? CancellationReason);

/// <summary>What one accepted line edit did.</summary>
public enum DetailEditKind
{
    Changed,
    Added,
    Cancelled,
}

/// <summary>A line edit the supplier sent and the emulator accepted.</summary>
public sealed record SupplierDetailEdit(
    DateTimeOffset At, DetailEditKind Kind, long DetailId, decimal? Amount, decimal? Price, string? Comment);
