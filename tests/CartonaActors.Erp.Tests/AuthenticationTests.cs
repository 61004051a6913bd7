using CartonaActors.Erp;
using CartonaActors.Sandbox.Odoo;

namespace CartonaActors.Erp.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task A_wrong_key_fails_with_an_error_naming_database_user_and_url_but_never_the_key()
    {
        await using var scope = await OdooScope.StartAsync();
        const string wrongKey = "0123456789abcdef0123456789abcdef01234567";
        using var transport = scope.TransportWith(s => s.ApiKey = wrongKey);
        var catalog = new OdooCatalog(transport, scope.Settings);

        var error = await Assert.ThrowsAsync<OdooAuthenticationException>(() => catalog.ReadWarehousesAsync(default));

        Assert.False(error.IsTransient);
        Assert.Contains("'sync@example.com'", error.Message);
        Assert.Contains("'erp'", error.Message);
        Assert.Contains(scope.Emulator.BaseUrl, error.Message);
        Assert.Contains("API key", error.Message);
        Assert.DoesNotContain(wrongKey, error.Message);
        Assert.DoesNotContain(wrongKey, error.ToString());
        // Refused at authenticate: no object call was attempted.
        Assert.DoesNotContain(scope.Emulator.Calls, c => c.Service == "object");
    }

    [Fact]
    public async Task A_wrong_database_is_refused_and_named()
    {
        await using var scope = await OdooScope.StartAsync();
        using var transport = scope.TransportWith(s => s.Database = "erp_staging");

        var error = await Assert.ThrowsAsync<OdooAuthenticationException>(() => transport.AuthenticateAsync(default));

        Assert.Contains("'erp_staging'", error.Message);
        Assert.DoesNotContain(scope.ApiKey, error.ToString());
    }

    [Fact]
    public async Task Concurrent_first_calls_authenticate_once_and_reuse_the_uid()
    {
        await using var scope = await OdooScope.StartAsync();

        var uids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => scope.Transport.AuthenticateAsync(default)));
        await scope.Catalog.ReadWarehousesAsync(default);
        await scope.Catalog.CountVariantsAsync(default);

        Assert.All(uids, uid => Assert.Equal(OdooScope.Uid, uid));
        Assert.Single(scope.Emulator.Calls, c => c.Method == "authenticate");
    }

    [Fact]
    public async Task A_key_revoked_after_authentication_surfaces_as_access_denied_naming_database_and_user()
    {
        await using var scope = await OdooScope.StartAsync();
        await scope.Catalog.ReadWarehousesAsync(default);
        scope.Emulator.SetUser(new OdooUser(OdooScope.Uid, OdooScope.Login, "rotated-key-0000000000000000000000000000"));

        var error = await Assert.ThrowsAsync<OdooAuthenticationException>(() => scope.Catalog.CountVariantsAsync(default));

        Assert.False(error.IsTransient);
        Assert.Contains("Access Denied", error.Message);
        Assert.Contains("'sync@example.com'", error.Message);
        Assert.Contains("'erp'", error.Message);
        Assert.Contains("product.product.search_count", error.Message);
        Assert.DoesNotContain(scope.ApiKey, error.ToString());
        Assert.Equal("odoo.exceptions.AccessDenied", scope.Emulator.Calls[^1].Error);
    }

    [Fact]
    public async Task An_inactive_user_cannot_authenticate()
    {
        await using var scope = await OdooScope.StartAsync();
        scope.Emulator.SetUser(new OdooUser(OdooScope.Uid, OdooScope.Login, scope.ApiKey, Active: false));

        await Assert.ThrowsAsync<OdooAuthenticationException>(() => scope.Transport.AuthenticateAsync(default));
    }
}
