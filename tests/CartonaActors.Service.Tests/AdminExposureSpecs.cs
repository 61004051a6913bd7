using CartonaActors.Sandbox.Cartona;
using CartonaActors.Service.Admin;

namespace CartonaActors.Service.Tests;

/// <summary>Listening beyond loopback without an admin token is refused before anything starts.</summary>
public sealed class AdminExposureSpecs
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:0")]
    [InlineData("urls", "http://127.0.0.1:0;http://[::]:0")]
    [InlineData("Kestrel:Endpoints:Lan:Url", "http://*:0")]
    public async Task Listening_off_loopback_without_a_token_refuses_to_start_naming_the_setting(string key, string url)
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { "t" } });
        var settings = TestService.Settings(cartona, "t");
        settings[key] = url;

        var refused = await Assert.ThrowsAsync<AdminTokenRequiredException>(() => TestService.StartAsync(settings));

        Assert.Contains("CartonaActors:Admin:Token", refused.Message);
        Assert.Contains("CartonaActors__Admin__Token", refused.Message);
        Assert.Contains(url.Split(';')[^1], refused.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://LOCALHOST:5443", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://node-0.example.internal:5080", false)]   // Kestrel binds a host name to every interface
    [InlineData("http://localhost.example.com:5080", false)]
    [InlineData("http://unix:/run/cartona.sock", false)]        // a proxy in front of a socket is reachable
    public void Only_loopback_addresses_and_localhost_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));

    [Fact]
    public void A_configured_token_is_required_wherever_the_service_listens()
    {
        Assert.Equal("s3cret", AdminAccess.Decide(new() { Token = " s3cret " }, new(["http://0.0.0.0:5080"])).RequiredToken);
        Assert.Equal("s3cret", AdminAccess.Decide(new() { Token = "s3cret" }, new(["http://127.0.0.1:5080"])).RequiredToken);
        Assert.True(AdminAccess.Decide(new() { Token = "  " }, new(["http://127.0.0.1:5080"])).Open);
        Assert.DoesNotContain("s3cret", AdminAccess.Decide(new() { Token = "s3cret" }, new(["http://127.0.0.1:5080"])).ToString());
    }
}
