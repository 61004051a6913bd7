using System.Net;
using System.Text.Json;
using CartonaActors.Sandbox.Cartona;

namespace CartonaActors.Sandbox.Tests.Cartona;

/// <summary>Order helpers over an <see cref="EmulatorScope"/>: the supplier's three calls, as Cartona's module makes them.</summary>
internal static class OrderScope
{
    public static CartonaOrderSpec Spec(string? hashedId = null, string status = CartonaOrderStatus.Pending) => new()
    {
        HashedId = hashedId,
        Status = status,
        Details =
        [
            new CartonaOrderLineSpec("904", 10, 200) { ProductName = "Rice 1kg", SupplierProductId = "110774" },
            new CartonaOrderLineSpec("905", 2, 7.5m) { ProductName = "Salt" },
        ],
    };

    /// <summary>One pull page, as (hashed_id, element) pairs.</summary>
    public static async Task<List<JsonElement>> PullAsync(this EmulatorScope scope, int? page = null, int? perPage = null)
    {
        var query = new List<string>();
        if (page is not null) query.Add($"page={page}");
        if (perPage is not null) query.Add($"per_page={perPage}");
        using var response = await scope.GetAsync("order/pull-orders" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await EmulatorScope.JsonAsync(response);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return body.EnumerateArray().ToList();
    }

    public static async Task<List<string>> PullIdsAsync(this EmulatorScope scope, int? page = null, int? perPage = null) =>
        (await scope.PullAsync(page, perPage)).Select(o => o.GetProperty("hashed_id").GetString()!).ToList();

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendStatusAsync(
        this EmulatorScope scope, string hashedId, string status, string? otp = null, string? reason = null, string? token = EmulatorScope.Token)
    {
        var body = new Dictionary<string, string> { ["hashed_id"] = hashedId, ["status"] = status };
        if (otp is not null) body["retailer_otp"] = otp;
        if (reason is not null) body["cancellation_reason"] = reason;
        using var response = await scope.PostAsync($"order/update-order-status/{hashedId}", JsonSerializer.Serialize(body), token);
        return (response.StatusCode, await EmulatorScope.JsonAsync(response));
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> AckAsync(this EmulatorScope scope, string hashedId) =>
        scope.SendStatusAsync(hashedId, CartonaOrderStatus.Synced);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendDetailsAsync(this EmulatorScope scope, string json)
    {
        using var response = await scope.PostAsync("order/update-order-details", json);
        return (response.StatusCode, await EmulatorScope.JsonAsync(response));
    }

    public static string Error(this JsonElement body) => body.GetProperty("error").GetString()!;
}
