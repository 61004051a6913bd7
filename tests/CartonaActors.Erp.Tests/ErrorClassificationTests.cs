using System.Net.Http.Json;
using System.Text.Json;
using CartonaActors.Erp;

namespace CartonaActors.Erp.Tests;

public sealed class ErrorClassificationTests
{
    [Fact]
    public async Task Reading_a_missing_record_is_a_missing_record_error_without_the_traceback()
    {
        await using var scope = await OdooScope.StartAsync();

        var error = await Assert.ThrowsAsync<OdooMissingRecordException>(
            () => scope.Client.ReadAsync("product.product", [999], ["id"]));

        Assert.False(error.IsTransient);
        Assert.Contains("Record does not exist or has been deleted.", error.Message);
        Assert.Contains("product.product(999,)", error.Message);
        Assert.DoesNotContain("Traceback", error.Message);
        Assert.DoesNotContain(scope.ApiKey, error.ToString());
    }

    [Fact]
    public async Task An_invalid_field_in_fields_or_domain_is_a_validation_error()
    {
        await using var scope = await OdooScope.StartAsync();

        var inFields = await Assert.ThrowsAsync<OdooValidationException>(
            () => scope.Client.SearchReadAsync("product.product", OdooDomain.All, ["foo"]));
        var inDomain = await Assert.ThrowsAsync<OdooValidationException>(
            () => scope.Client.SearchReadAsync("product.product", [OdooDomain.Leaf("foo", "=", 1)], ["id"]));

        Assert.Contains("Invalid field 'foo' on model 'product.product'", inFields.Message);
        Assert.Contains("Invalid field 'foo' on model 'product.product'", inDomain.Message);
        Assert.Contains("builtins.ValueError", inDomain.Message);
    }

    [Fact]
    public async Task Private_methods_are_access_errors_and_unknown_models_or_methods_are_server_errors()
    {
        await using var scope = await OdooScope.StartAsync();

        var privateMethod = await Assert.ThrowsAsync<OdooAccessException>(
            () => scope.Client.CallAsync("product.product", "_compute_quantities", [1]));
        var unknownModel = await Assert.ThrowsAsync<OdooServerException>(
            () => scope.Client.SearchCountAsync("no.such.model", OdooDomain.All));
        var unknownMethod = await Assert.ThrowsAsync<OdooServerException>(
            () => scope.Client.CallAsync("product.product", "frobnicate", [1]));

        Assert.Contains("Private methods", privateMethod.Message);
        Assert.Contains("builtins.KeyError", unknownModel.Message);
        Assert.Contains("'frobnicate' does not exist", unknownMethod.Message);
    }

    [Fact]
    public async Task The_emulator_answers_a_refused_call_with_odoos_exact_error_object_under_http_200()
    {
        await using var scope = await OdooScope.StartAsync();
        using var http = new HttpClient();

        var response = await http.PostAsJsonAsync(scope.Emulator.BaseUrl + "jsonrpc", new
        {
            jsonrpc = "2.0", method = "call", id = 42,
            @params = new { service = "object", method = "execute_kw",
                args = new object[] { "erp", 2, "wrong", "product.product", "search_count", new object[] { new object[0] } } },
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(200, (int)response.StatusCode);
        var root = body.RootElement;
        Assert.Equal("2.0", root.GetProperty("jsonrpc").GetString());
        Assert.Equal(42, root.GetProperty("id").GetInt32());
        var error = root.GetProperty("error");
        Assert.Equal(200, error.GetProperty("code").GetInt32());
        Assert.Equal("Odoo Server Error", error.GetProperty("message").GetString());
        var data = error.GetProperty("data");
        Assert.Equal("odoo.exceptions.AccessDenied", data.GetProperty("name").GetString());
        Assert.Equal("Access Denied", data.GetProperty("message").GetString());
        Assert.Equal(["Access Denied"], data.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Object, data.GetProperty("context").ValueKind);
        Assert.True(data.TryGetProperty("debug", out _));
    }
}
