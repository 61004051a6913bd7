using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

/// <summary>The emulator's ORM semantics the client relies on, checked through the real client.</summary>
public sealed class EmulatorDomainTests
{
    [Fact]
    public async Task Domains_support_prefix_operators_like_and_in_and_active_test_hides_archived_records()
    {
        await using var scope = await OdooScope.StartAsync();
        var a = scope.Emulator.AddProduct("Green Tea", 10m, ["TEA-G"]).VariantIds[0];
        var b = scope.Emulator.AddProduct("Black Tea", 12m, ["TEA-B"]).VariantIds[0];
        var c = scope.Emulator.AddProduct("Coffee", 20m, ["COF"]).VariantIds[0];
        await scope.Emulator.SetActiveAsync("product.product", b, false, WebhookMode.Lost);
        var client = scope.Client;

        var active = await client.SearchAsync("product.product", OdooDomain.All);
        var all = await client.SearchAsync("product.product", OdooDomain.All, context: new Dictionary<string, object?> { ["active_test"] = false });
        var archivedOnly = await client.SearchAsync("product.product", [OdooDomain.Leaf("active", "=", false)]);
        var teaOrCoffee = await client.SearchAsync("product.product",
            OdooDomain.Of("|", OdooDomain.Leaf("default_code", "=ilike", "tea-%"), OdooDomain.Leaf("id", "=", c)),
            order: "id desc", context: new Dictionary<string, object?> { ["active_test"] = false });
        var notTea = await client.SearchAsync("product.product", OdooDomain.Of("!", OdooDomain.Leaf("default_code", "like", "TEA")));
        var notIn = await client.SearchAsync("product.product", [OdooDomain.Leaf("id", "not in", new[] { a })]);
        var byTemplateName = await client.SearchReadAsync("product.template", [OdooDomain.Leaf("name", "ilike", "tea")], ["name"], order: "name asc");

        Assert.Equal([a, c], active);
        Assert.Equal([a, b, c], all);
        Assert.Equal([b], archivedOnly);
        Assert.Equal([c, b, a], teaOrCoffee);
        Assert.Equal([c], notTea);
        Assert.Equal([c], notIn);
        Assert.Equal(["Black Tea", "Green Tea"], byTemplateName.Select(r => OdooValues.String(r, "name")));
    }

    [Fact]
    public async Task Many2one_reads_as_id_and_name_by_default_and_create_write_unlink_round_trip()
    {
        await using var scope = await OdooScope.StartAsync();
        var product = scope.Emulator.AddProduct("Tea", 10m, ["TEA"]);
        var client = scope.Client;

        var row = (await client.ReadAsync("product.product", product.VariantIds, ["product_tmpl_id", "display_name", "lst_price"]))[0];
        var templateId = await client.CreateAsync("product.template", new Dictionary<string, object?> { ["name"] = "Mate", ["list_price"] = 4.5m });
        await client.WriteAsync("product.template", [templateId], new Dictionary<string, object?> { ["name"] = "Yerba Mate" });
        var created = await client.SearchReadAsync("product.template", [OdooDomain.Leaf("id", "=", templateId)], ["name", "list_price"]);
        await client.CallAsync("product.template", "unlink", [templateId]);

        Assert.Equal("[" + product.TemplateId + ",\"Tea\"]", row.GetProperty("product_tmpl_id").GetRawText());
        Assert.Equal("[TEA] Tea", row.GetProperty("display_name").GetString());
        Assert.Equal("10.0", row.GetProperty("lst_price").GetRawText());
        Assert.Equal("Yerba Mate", OdooValues.String(created.Single(), "name"));
        Assert.Equal(4.5m, OdooValues.Decimal(created.Single(), "list_price"));
        Assert.Equal(0, await client.SearchCountAsync("product.template", [OdooDomain.Leaf("id", "=", templateId)]));
        await Assert.ThrowsAsync<OdooMissingRecordException>(
            () => client.WriteAsync("product.template", [templateId], new Dictionary<string, object?> { ["name"] = "x" }));
    }

    [Fact]
    public async Task A_many2many_takes_ids_or_commands_reads_as_ids_and_in_matches_records_linked_to_any()
    {
        await using var scope = await OdooScope.StartAsync();
        var shirt = scope.Emulator.AddProduct("Shirt", 10m, ["S", "M"], priceExtras: [1m, 2m]);
        var red = scope.Emulator.AddAttributeValue(shirt.TemplateId, "Red", 5m, []);
        var client = scope.Client;
        var (s, m) = (shirt.VariantIds[0], shirt.VariantIds[1]);
        var (small, medium) = (scope.Emulator.AttributeValueIdsOf(s)[0], scope.Emulator.AttributeValueIdsOf(m)[0]);
        const string field = "product_template_attribute_value_ids";

        await client.WriteAsync("product.product", [s, m], new Dictionary<string, object?> { [field] = new object[] { new object[] { 4, red } } });
        var linked = await client.SearchAsync("product.product", [OdooDomain.Leaf(field, "in", new[] { red })]);
        await client.WriteAsync("product.product", [m], new Dictionary<string, object?> { [field] = new object[] { new object[] { 3, red, 0 } } });
        var afterUnlink = await client.SearchAsync("product.product", [OdooDomain.Leaf(field, "=", red)]);
        await client.WriteAsync("product.product", [s], new Dictionary<string, object?> { [field] = new object[] { new object[] { 6, 0, new[] { medium } } } });
        var rows = await client.ReadAsync("product.product", [s, m], [field, "lst_price"]);
        var notLinked = await client.SearchAsync("product.product", [OdooDomain.Leaf(field, "not in", new[] { small })]);

        Assert.Equal([s, m], linked);
        Assert.Equal([s], afterUnlink);
        Assert.Equal([medium], OdooValues.Ids(rows[0], field));
        Assert.Equal([medium], OdooValues.Ids(rows[1], field));
        Assert.Equal([12m, 12m], rows.Select(r => OdooValues.Decimal(r, "lst_price")));
        Assert.Equal([s, m], notLinked);
        await Assert.ThrowsAsync<OdooValidationException>(() => client.WriteAsync("product.product", [s],
            new Dictionary<string, object?> { [field] = new object[] { new object[] { 0, 0, new Dictionary<string, object?>() } } }));
    }
}
