using System.Text;
using CartonaActors.Domain.Erp;
using CartonaActors.Service.Api;
using static CartonaActors.Service.Dashboard.PageLayout;

namespace CartonaActors.Service.Dashboard;

/// <summary>The configuration screen, rendered on the server from <see cref="ConfigurationView"/>: what holds no
/// secret is shown, a secret only as set or not. The one script is the Test connection buttons.</summary>
public static class ConfigurationPage
{
    /// <param name="pollers">The ERP pollers' state; null when the Odoo connector is off.</param>
    public static string Render(ConfigurationView view, IReadOnlyList<PollerStatus>? pollers, OdooWebhookCounter webhooks,
        string serviceRoot, IEnumerable<string> productModels, IEnumerable<string> orderModels)
    {
        var body = new StringBuilder();
        body.Append("<section><h2>Marketplace connections</h2>");
        foreach (var c in view.Connections())
        {
            body.Append($"""<article class="connection" data-connection="{Html(c.Name)}"><h3>{Html(c.Name)} <small>{Html(c.Platform)}</small>""");
            if (!c.Enabled) body.Append(""" <span class="badge disabled">disabled</span>""");
            body.Append($"""</h3><p>Base URL <code>{Html(c.BaseUrl)}</code></p>""");
            // A disabled connection is not opened, so there is nothing to test.
            if (c.Enabled)
                body.Append($"""<p><button type="button" class="test-connection" data-connection="{Html(c.Name)}">Test connection</button> <output class="test-result" aria-live="polite"></output></p>""");
            body.Append("<div class=\"columns\">").Append(Table("Credentials", c.Credentials)).Append(Table("Limits", c.Limits)).Append(Table("Rules", c.Rules)).Append("</div></article>");
        }
        body.Append("</section><section id=\"odoo\"><h2>Odoo connector</h2>");
        if (pollers is null) body.Append("<p>Off: no <code>CartonaActors:Odoo:Url</code> configured. Products arrive through the HTTP API only.</p>");
        else
        {
            body.Append("<div class=\"columns\">").Append(Table("Connection", view.Odoo())).Append(Pollers(pollers, view)).Append(Webhooks(webhooks)).Append("</div>");
            body.Append(AutomationRules(serviceRoot, productModels, orderModels));
        }
        body.Append("</section><section><h2>Service</h2>").Append(Table("Settings", view.Service())).Append("</section>");
        return Page("Configuration", "/configuration", body.ToString(), "configuration.js");
    }

    private static string Table(string caption, IEnumerable<SettingLine> lines)
    {
        var rows = string.Concat(lines.Select(l =>
            $"""<tr><th scope="row">{Html(l.Name)}</th><td{(l.Secret ? " class=\"secret\"" : "")}>{Html(l.Value)}</td></tr>"""));
        return $"""<table class="settings"><caption>{Html(caption)}</caption>{rows}</table>""";
    }

    private static string Pollers(IReadOnlyList<PollerStatus> pollers, ConfigurationView view)
    {
        var rows = string.Concat(pollers.Select(p =>
            $"""<tr><th scope="row">{Html(p.Model)}</th><td>{Html(p.LastPollAt?.ToString("u") ?? "not yet")}</td><td>{p.LastPollChanges}</td><td>{Html(p.Cursor?.ToString("u") ?? "—")}</td><td>{Html(view.Safe(p.LastError))}</td></tr>"""));
        return $"""<table class="pollers"><caption>Pollers</caption><tr><th>model</th><th>last poll</th><th>changes</th><th>cursor (write_date)</th><th>last error</th></tr>{rows}</table>""";
    }

    private static string Webhooks(OdooWebhookCounter w) => $"""
        <table class="webhooks"><caption>Webhooks received (this node)</caption>
        <tr><th scope="row">Received</th><td class="webhooks-received">{w.Received}</td></tr>
        <tr><th scope="row">Accepted</th><td>{w.Accepted}</td></tr>
        <tr><th scope="row">Refused</th><td>{w.Refused}</td></tr>
        <tr><th scope="row">Last accepted</th><td>{Html(w.LastAcceptedAt?.ToString("u") ?? "never")}</td></tr></table>
        """;

    private static string AutomationRules(string serviceRoot, IEnumerable<string> productModels, IEnumerable<string> orderModels)
    {
        var url = ConfigurationView.WebhookUrl(serviceRoot);
        var rows = string.Concat(productModels.Order().Select(m => (m, "re-read the variants")).Concat(orderModels.Order().Select(m => (m, "re-read the sale orders")))
            .Select(r => $"""<tr><th scope="row"><code>{Html(r.m)}</code></th><td>On creation and update</td><td>Send Webhook Notification</td><td>{Html(r.Item2)}</td></tr>"""));
        return $"""
            <h3>Automation rules to create in Odoo</h3>
            <p>Each rule's action posts to <code class="webhook-url">{Html(url)}</code> (or send the secret as header <code>X-Webhook-Token</code>).
            Odoo gives up after 1 s and never retries; the pollers catch what a webhook misses.</p>
            <table class="rules"><tr><th>model</th><th>trigger</th><th>action</th><th>the service will</th></tr>{rows}</table>
            """;
    }
}
