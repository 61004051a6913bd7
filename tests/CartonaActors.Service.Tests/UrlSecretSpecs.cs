using System.Net;
using System.Text;
using CartonaActors.Engine.Configuration;
using CartonaActors.Sandbox.Cartona;
using CartonaActors.Service.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace CartonaActors.Service.Tests;

/// <summary>Invariant 5 for secrets that travel in URLs: credentials inside the configured Odoo URL, and the
/// webhook secret Odoo's automation can only put in the query string.</summary>
public sealed class UrlSecretSpecs
{
    private const string UrlPassword = "url-pass-5d2e91";
    private const string UrlToken = "url-token-91aa3c";
    private const string WebhookSecret = "hook-secret-c0ffee42";

    [Fact]
    public async Task An_Odoo_url_with_credentials_is_logged_and_reported_without_them()
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { "t" } });
        var settings = OdooSettings(cartona);
        // Nothing listens on port 1: every Odoo call fails and is reported, URL included.
        settings["CartonaActors:Odoo:Url"] = $"http://sync:{UrlPassword}@127.0.0.1:1/?token={UrlToken}";
        await using var service = await TestService.StartAsync(settings);

        (await service.Http.PostAsync("/api/erp/pollers/product.product/poll", null)).EnsureSuccessStatusCode();
        var pollers = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!pollers.Contains("127.0.0.1:1") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            pollers = await service.Http.GetStringAsync("/api/erp/pollers");
        }

        Assert.Contains("127.0.0.1:1", pollers); // the failure names where it went…
        Assert.Contains(service.Log.Lines, l => l.Contains("127.0.0.1:1"));
        foreach (var secret in new[] { UrlPassword, UrlToken })
        {
            Assert.DoesNotContain(secret, pollers); // …but not with what
            Assert.DoesNotContain(service.Log.Lines, l => l.Contains(secret));
            Assert.DoesNotContain(secret, await service.Http.GetStringAsync("/api/sync-log"));
        }
    }

    [Fact]
    public async Task The_webhook_secret_is_taken_from_the_X_Webhook_Token_header_and_from_the_query_string_and_never_logged()
    {
        await using var cartona = await CartonaEmulator.StartAsync(new CartonaEmulatorOptions { Tokens = new HashSet<string> { "t" } });
        await using var service = await TestService.StartAsync(OdooSettings(cartona));
        const string body = "{\"_model\":\"product.product\",\"_id\":1}";

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(service, "/webhooks/odoo", WebhookSecret, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(service, "/webhooks/odoo", "wrong-header-token", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(service, $"/webhooks/odoo?token={WebhookSecret}", null, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(service, "/webhooks/odoo?token=an-old-secret-1f2e", null, body)).StatusCode);

        Assert.Contains(service.Log.Lines, l => l.Contains("Refused Odoo webhook"));
        Assert.DoesNotContain(service.Log.Lines, l => l.Contains(WebhookSecret) || l.Contains("an-old-secret-1f2e"));
    }

    /// <summary>ASP.NET's request logging (on when someone lowers Microsoft.AspNetCore's level) writes the query
    /// string as a property of its lines: the log's scrubber masks the webhook secret there, and any token a
    /// caller guessed.</summary>
    [Fact]
    public void A_request_line_carrying_the_query_string_reaches_no_sink_with_the_token_in_it()
    {
        var options = new CartonaActorsOptions { ErpSync = new ErpSyncOptions { WebhookSecret = WebhookSecret } };
        options.Odoo.Url = $"https://sync:{UrlPassword}@erp.example.com/?token={UrlToken}";
        var enricher = new SecretScrubbingEnricher(ConfiguredSecrets.Scrubber(options));
        var line = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("Request starting {Protocol} {Method} {Scheme}://{Host}{PathBase}{Path}{QueryString}"),
            [
                new LogEventProperty("Path", new ScalarValue("/webhooks/odoo")),
                new LogEventProperty("QueryString", new ScalarValue($"?token={WebhookSecret}")),
                new LogEventProperty("Guessed", new ScalarValue("/webhooks/odoo?token=an-old-secret-1f2e")),
                new LogEventProperty("OdooUrl", new ScalarValue(options.Odoo.Url)),
            ]);

        enricher.Enrich(line, null!);

        var rendered = string.Join(" ", line.Properties.Values);
        foreach (var secret in new[] { WebhookSecret, "an-old-secret-1f2e", UrlPassword, UrlToken })
            Assert.DoesNotContain(secret, rendered);
        Assert.Contains("/webhooks/odoo", rendered);
    }

    private static Task<HttpResponseMessage> PostAsync(TestService service, string path, string? header, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header is not null) request.Headers.Add("X-Webhook-Token", header);
        return service.Http.SendAsync(request);
    }

    /// <summary>The Odoo connector on (Odoo itself unreachable), with the webhook secret.</summary>
    private static Dictionary<string, string?> OdooSettings(CartonaEmulator cartona)
    {
        var settings = TestService.Settings(cartona, "t");
        settings["CartonaActors:Connections:0:PullOrders"] = "false";
        settings["CartonaActors:Odoo:Url"] = "http://127.0.0.1:1/";
        settings["CartonaActors:Odoo:Database"] = "erp";
        settings["CartonaActors:Odoo:Login"] = "sync@example.com";
        settings["CartonaActors:Odoo:ApiKey"] = "odoo-key-unused-2b7c";
        settings["CartonaActors:ErpSync:WebhookSecret"] = WebhookSecret;
        return settings;
    }
}
