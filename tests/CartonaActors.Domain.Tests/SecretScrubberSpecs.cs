using CartonaActors.Domain.Secrets;

namespace CartonaActors.Domain.Tests;

/// <summary>A configured URL may carry credentials (userinfo, a query token): they never reach an output.</summary>
public sealed class SecretScrubberSpecs
{
    private const string OdooUrl = "https://sync:p4ss-w0rd@erp.example.com:8443/odoo/?db=prod&token=q-token-77a1#top";

    [Fact]
    public void A_safe_url_keeps_where_it_points_and_masks_userinfo_and_query_values()
    {
        Assert.Equal("https://***@erp.example.com:8443/odoo/?db=***&token=***", SecretScrubber.SafeUrl(OdooUrl));
        Assert.Equal("https://erp.example.com/", SecretScrubber.SafeUrl("https://erp.example.com/"));
        Assert.Equal("", SecretScrubber.SafeUrl(null));
    }

    [Fact]
    public void A_url_that_does_not_parse_is_still_shown_without_its_credentials()
    {
        var shown = SecretScrubber.SafeUrl("ftp//sync:p4ss-w0rd@erp ?token=q-token-77a1");
        Assert.DoesNotContain("p4ss-w0rd", shown);
        Assert.DoesNotContain("q-token-77a1", shown);
    }

    [Fact]
    public void A_client_scrubber_masks_its_urls_credentials_wherever_they_are_echoed()
    {
        var scrubber = SecretScrubber.For(OdooUrl, "api-key-1234");
        var echoed = scrubber.Scrub("POST failed; user sync, password p4ss-w0rd, token q-token-77a1, key api-key-1234");
        Assert.DoesNotContain("p4ss-w0rd", echoed);
        Assert.DoesNotContain("q-token-77a1", echoed);
        Assert.DoesNotContain("api-key-1234", echoed);
        // A short query value is not masked as free text (it would garble every message) — only in URL form.
        Assert.Contains("prod", scrubber.Scrub("database prod"));
    }

    [Theory]
    [InlineData("Call failed: POST https://sync:p4ss-w0rd@erp.example.com/jsonrpc", "p4ss-w0rd")]
    [InlineData("Request starting POST http://host/webhooks/odoo?token=guessed-old-secret", "guessed-old-secret")]
    [InlineData("GET /webhooks/odoo?model=x&access_token=abc123def&id=1", "abc123def")]
    public void Any_scrubber_masks_credentials_in_url_form_it_was_not_told_about(string text, string secret)
    {
        var clean = new SecretScrubber().Scrub(text);
        Assert.DoesNotContain(secret, clean);
        Assert.Contains("***", clean);
    }

    [Fact]
    public void Text_without_credentials_is_left_alone()
    {
        const string text = "Order cartona/A1 for sync@example.com: quantity=3 at https://erp.example.com/odoo?page=2";
        Assert.Equal(text, new SecretScrubber("unrelated").Scrub(text));
    }
}
