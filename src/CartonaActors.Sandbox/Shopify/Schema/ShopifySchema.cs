using CartonaActors.Sandbox.Shopify.Api;
using CartonaActors.Sandbox.Shopify.GraphQL;
using CartonaActors.Sandbox.Shopify.State;

namespace CartonaActors.Sandbox.Shopify.Schema;

/// <summary>
/// The slice of Shopify's Admin schema the sync service uses, with Shopify's type and field names so that a
/// field the real API lacks fails here too (<c>undefinedField</c>). Mutation payload types are separate per
/// mutation, as in Shopify (e.g. fulfillmentCreate's userErrors have no <c>code</c>).
/// </summary>
internal sealed class ShopifySchema
{
    private readonly Dictionary<string, GqlType> _types = new(StringComparer.Ordinal);

    public ShopifySchema(string shopName)
    {
        Query = Add("QueryRoot");
        Mutation = Add("Mutation");

        Query.Object("shop", "Shop", _ => shopName)
            .Connection("productVariants", "ProductVariant", (_, s, c) => Catalog.Variants(c.Shop, s))
            .Object("productVariant", "ProductVariant", (_, s, c) => c.Shop.VariantById(s.Arg("id") as string ?? ""))
            .Object("location", "Location", (_, s, c) => c.Shop.Location(s.Arg("id") as string ?? ""))
            .Connection("orders", "Order", (_, s, c) => OrderFeed.Page(c.Shop, s))
            .Object("order", "Order", (_, s, c) => c.Shop.Order(s.Arg("id") as string ?? ""))
            .Object("job", "Job", (_, s, c) => c.Shop.Jobs.TryGetValue(s.Arg("id") as string ?? "", out var o)
                ? new JobResult((string)s.Arg("id")!, !o.CancelPending) : null);
        Add("Shop").Scalar("name", p => p).Scalar("myshopifyDomain", _ => null);
        Add("Job").Scalar("id", p => ((JobResult)p).Id).Scalar("done", p => ((JobResult)p).Done);

        Add("ProductVariant")
            .Scalar("id", p => V(p).Id).Scalar("sku", p => V(p).Sku).Scalar("barcode", p => V(p).Barcode)
            .Scalar("title", p => "Default Title").Scalar("displayName", p => V(p).Product.Title)
            .Scalar("price", p => V(p).Price).Scalar("compareAtPrice", p => V(p).CompareAtPrice)
            .Object("product", "Product", p => V(p).Product)
            .Object("inventoryItem", "InventoryItem", p => new InventoryItemRef(V(p)));
        Add("Product").Scalar("id", p => ((ProductEntity)p).Id).Scalar("title", p => ((ProductEntity)p).Title)
            .Connection("variants", "ProductVariant", (p, s, _) =>
                Keyset.Page(((ProductEntity)p).Variants, v => (0, Gid.Number(v.Id)), ConnectionArgs.Reverse(s), ConnectionArgs.First(s), ConnectionArgs.After(s)));
        Add("InventoryItem").Scalar("id", p => ((InventoryItemRef)p).Variant.InventoryItemId).Scalar("sku", p => ((InventoryItemRef)p).Variant.Sku)
            .Scalar("tracked", _ => true)
            .Object("variant", "ProductVariant", p => ((InventoryItemRef)p).Variant)
            .Connection("inventoryLevels", "InventoryLevel", (p, s, c) => Keyset.Page(c.Shop.LevelsOf(((InventoryItemRef)p).Variant),
                l => (0, Gid.Number(l.Location.Id)), ConnectionArgs.Reverse(s), ConnectionArgs.First(s), ConnectionArgs.After(s)))
            .Object("inventoryLevel", "InventoryLevel", (p, s, c) =>
                c.Shop.Levels.GetValueOrDefault((((InventoryItemRef)p).Variant.InventoryItemId, s.Arg("locationId") as string ?? "")));
        Add("InventoryLevel")
            .Scalar("id", p => $"gid://shopify/InventoryLevel/{Gid.Number(L(p).Location.Id)}?inventory_item_id={Gid.Number(L(p).Variant.InventoryItemId)}")
            .Object("location", "Location", p => L(p).Location)
            .Object("item", "InventoryItem", p => new InventoryItemRef(L(p).Variant))
            .Object("quantities", "InventoryQuantity", (p, s, _) => Inputs.List(s.Arg("names"), "names").Select(n => n?.ToString() ?? "")
                .Select(n => new QuantityValue(n, n switch { "available" => L(p).Available, "on_hand" => L(p).OnHand, _ => 0 })).ToList());
        Add("InventoryQuantity").Scalar("name", p => ((QuantityValue)p).Name).Scalar("quantity", p => ((QuantityValue)p).Quantity);
        Add("Location").Scalar("id", p => ((LocationEntity)p).Id).Scalar("name", p => ((LocationEntity)p).Name);

        Add("Order")
            .Scalar("id", p => O(p).Id).Scalar("name", p => O(p).Name)
            .Scalar("createdAt", p => O(p).CreatedAt).Scalar("updatedAt", p => O(p).UpdatedAt)
            .Scalar("cancelledAt", p => O(p).CancelledAt).Scalar("cancelReason", p => O(p).CancelledAt is null ? null : O(p).CancelReason)
            .Scalar("closedAt", p => O(p).ClosedAt).Scalar("closed", p => O(p).ClosedAt is not null)
            .Scalar("displayFinancialStatus", p => O(p).FinancialStatus).Scalar("displayFulfillmentStatus", p => O(p).FulfillmentStatus)
            .Scalar("email", p => O(p).Customer.Email).Scalar("phone", p => O(p).Customer.Phone)
            .Scalar("currencyCode", p => O(p).Currency)
            .Object("customer", "Customer", p => O(p).Customer)
            .Object("shippingAddress", "MailingAddress", p => O(p).ShipTo)
            .Object("totalPriceSet", "MoneyBag", p => new Money(O(p).Total, O(p).Currency))
            .Object("currentTotalPriceSet", "MoneyBag", p => new Money(O(p).CancelledAt is null ? O(p).Total : 0, O(p).Currency))
            .Connection("lineItems", "LineItem", (p, s, _) => Keyset.Page(O(p).Lines, l => (0, Gid.Number(l.Id)),
                ConnectionArgs.Reverse(s), ConnectionArgs.First(s), ConnectionArgs.After(s)))
            .Connection("fulfillmentOrders", "FulfillmentOrder", (p, s, _) => Keyset.Page(O(p).FulfillmentOrders, f => (0, Gid.Number(f.Id)),
                ConnectionArgs.Reverse(s), ConnectionArgs.First(s), ConnectionArgs.After(s)));
        Add("Customer").Scalar("id", p => Gid.Of("Customer", ((ShopifyCustomer)p).Id)).Scalar("email", p => ((ShopifyCustomer)p).Email)
            .Scalar("phone", p => ((ShopifyCustomer)p).Phone).Scalar("firstName", p => ((ShopifyCustomer)p).FirstName)
            .Scalar("lastName", p => ((ShopifyCustomer)p).LastName)
            .Scalar("displayName", p => $"{((ShopifyCustomer)p).FirstName} {((ShopifyCustomer)p).LastName}".Trim());
        Add("MailingAddress").Scalar("address1", p => ((ShopifyAddress)p).Address1).Scalar("city", p => ((ShopifyAddress)p).City)
            .Scalar("country", p => ((ShopifyAddress)p).Country);
        Add("MoneyBag").Object("shopMoney", "MoneyV2", p => p).Object("presentmentMoney", "MoneyV2", p => p);
        Add("MoneyV2").Scalar("amount", p => ((Money)p).Amount).Scalar("currencyCode", p => ((Money)p).CurrencyCode);
        Add("LineItem").Scalar("id", p => LI(p).Id).Scalar("sku", p => LI(p).Variant.Sku).Scalar("name", p => LI(p).Name)
            .Scalar("title", p => LI(p).Name).Scalar("quantity", p => LI(p).Quantity)
            .Object("variant", "ProductVariant", p => LI(p).Variant)
            .Object("originalUnitPriceSet", "MoneyBag", p => new Money(LI(p).UnitPrice, LI(p).Currency));
        Add("FulfillmentOrder").Scalar("id", p => ((FulfillmentOrderEntity)p).Id).Scalar("status", p => ((FulfillmentOrderEntity)p).Status)
            .Connection("lineItems", "FulfillmentOrderLineItem", (p, s, _) => Keyset.Page(((FulfillmentOrderEntity)p).Lines,
                l => (0, Gid.Number(l.Id)), ConnectionArgs.Reverse(s), ConnectionArgs.First(s), ConnectionArgs.After(s)));
        Add("FulfillmentOrderLineItem").Scalar("id", p => ((FulfillmentOrderLineEntity)p).Id)
            .Scalar("remainingQuantity", p => ((FulfillmentOrderLineEntity)p).Remaining)
            .Scalar("totalQuantity", p => ((FulfillmentOrderLineEntity)p).LineItem.Quantity)
            .Object("lineItem", "LineItem", p => ((FulfillmentOrderLineEntity)p).LineItem);

        Mutation.Object("inventorySetQuantities", "InventorySetQuantitiesPayload", (_, s, c) => InventorySetQuantities.Resolve(s, c))
            .Object("productVariantsBulkUpdate", "ProductVariantsBulkUpdatePayload", (_, s, c) => ProductVariantsBulkUpdate.Resolve(s, c))
            .Object("fulfillmentCreate", "FulfillmentCreatePayload", (_, s, c) => FulfillmentCreate.Resolve(s, c))
            .Object("orderCancel", "OrderCancelPayload", (_, s, c) => OrderCancel.Resolve(s, c));
        Add("InventorySetQuantitiesPayload")
            .Object("inventoryAdjustmentGroup", "InventoryAdjustmentGroup", p => ((InventorySetPayload)p).Group)
            .Object("userErrors", "InventorySetQuantitiesUserError", p => ((InventorySetPayload)p).UserErrors);
        Add("InventoryAdjustmentGroup").Scalar("id", p => G(p).Id).Scalar("createdAt", p => G(p).CreatedAt).Scalar("reason", p => G(p).Reason)
            .Scalar("referenceDocumentUri", p => G(p).ReferenceDocumentUri)
            .Object("changes", "InventoryChange", p => G(p).Changes);
        Add("InventoryChange").Scalar("name", p => ((InventoryChange)p).Name).Scalar("delta", p => ((InventoryChange)p).Delta)
            .Scalar("quantityAfterChange", p => ((InventoryChange)p).QuantityAfterChange)
            .Object("item", "InventoryItem", (p, _, c) => c.Shop.VariantByItem(((InventoryChange)p).InventoryItemId) is { } v ? new InventoryItemRef(v) : null)
            .Object("location", "Location", (p, _, c) => c.Shop.Location(((InventoryChange)p).LocationId));
        UserErrors("InventorySetQuantitiesUserError", withCode: true);
        Add("ProductVariantsBulkUpdatePayload")
            .Object("product", "Product", (p, _, c) => c.Shop.Products.FirstOrDefault(x => x.Id == ((VariantsBulkUpdatePayload)p).ProductId))
            .Object("productVariants", "ProductVariantResult", p => ((VariantsBulkUpdatePayload)p).Variants)
            .Object("userErrors", "ProductVariantsBulkUpdateUserError", p => ((VariantsBulkUpdatePayload)p).UserErrors);
        Add("ProductVariantResult").Scalar("id", p => ((VariantResult)p).Id).Scalar("sku", p => ((VariantResult)p).Sku)
            .Scalar("barcode", p => ((VariantResult)p).Barcode).Scalar("price", p => ((VariantResult)p).Price)
            .Scalar("compareAtPrice", p => ((VariantResult)p).CompareAtPrice);
        UserErrors("ProductVariantsBulkUpdateUserError", withCode: true);
        Add("FulfillmentCreatePayload").Object("fulfillment", "Fulfillment", p => ((FulfillmentCreatePayload)p).Fulfillment)
            .Object("userErrors", "UserError", p => ((FulfillmentCreatePayload)p).UserErrors);
        Add("Fulfillment").Scalar("id", p => ((FulfillmentResult)p).Id).Scalar("status", p => ((FulfillmentResult)p).Status)
            .Scalar("createdAt", p => ((FulfillmentResult)p).CreatedAt)
            .Object("trackingInfo", "FulfillmentTrackingInfo", p => ((FulfillmentResult)p).Tracking);
        Add("FulfillmentTrackingInfo").Scalar("number", p => ((TrackingInfo)p).Number).Scalar("company", p => ((TrackingInfo)p).Company)
            .Scalar("url", p => ((TrackingInfo)p).Url);
        UserErrors("UserError", withCode: false);
        Add("OrderCancelPayload").Object("job", "Job", p => ((OrderCancelPayload)p).Job)
            .Object("orderCancelUserErrors", "OrderCancelUserError", p => ((OrderCancelPayload)p).UserErrors)
            .Object("userErrors", "UserError", p => ((OrderCancelPayload)p).UserErrors);
        UserErrors("OrderCancelUserError", withCode: true);
    }

    public GqlType Query { get; }
    public GqlType Mutation { get; }

    public GqlType Type(string name) => _types[name];

    private GqlType Add(string name) => _types[name] = new GqlType(name);

    private void UserErrors(string name, bool withCode)
    {
        var type = Add(name).Scalar("field", p => ((UserError)p).Field).Scalar("message", p => ((UserError)p).Message);
        if (withCode) type.Scalar("code", p => ((UserError)p).Code);
    }

    private static VariantEntity V(object p) => (VariantEntity)p;
    private static InventoryLevelEntity L(object p) => (InventoryLevelEntity)p;
    private static OrderEntity O(object p) => (OrderEntity)p;
    private static LineItemEntity LI(object p) => (LineItemEntity)p;
    private static InventoryAdjustmentGroup G(object p) => (InventoryAdjustmentGroup)p;
}
