using System.Globalization;
using System.Text.Json;

namespace CartonaActors.Erp.Setup;

/// <summary>The Odoo server version, from <c>common.version</c> (<c>server_version_info</c>, else <c>server_serie</c>).</summary>
/// <param name="Text">As Odoo reports it, e.g. "18.0", "saas~17.2", "16.0+e".</param>
public sealed record OdooVersion(string Text, int Major, int Minor)
{
    /// <summary>"Send Webhook Notification" server actions (<c>state = 'webhook'</c>, <c>webhook_url</c>,
    /// <c>webhook_field_ids</c>) and rules holding several actions came with 17.0 (odoo.md §3.1, [PR138804]).</summary>
    public bool SupportsWebhooks => Major >= 17;

    /// <summary>Reads <c>common.version()</c>'s answer; null when it names no version this code understands.</summary>
    public static OdooVersion? Read(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object) return null;
        var text = answer.TryGetProperty("server_version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
        if (answer.TryGetProperty("server_version_info", out var info) && info.ValueKind == JsonValueKind.Array && info.GetArrayLength() >= 2
            && Number(info[0]) is { } major && Number(info[1]) is { } minor)
            return new OdooVersion(text.Length > 0 ? text : $"{major}.{minor}", major, minor);
        var serie = answer.TryGetProperty("server_serie", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : text;
        var parts = serie.Split('.');
        return parts.Length >= 2 && Number(parts[0]) is { } m && Number(parts[1]) is { } n ? new OdooVersion(text.Length > 0 ? text : serie, m, n) : null;
    }

    // A SaaS build reports its major as "saas~17".
    private static int? Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number when element.TryGetInt32(out var n) => n,
        JsonValueKind.String => Number(element.GetString() ?? ""),
        _ => null,
    };

    private static int? Number(string text)
    {
        var digits = new string(text.Split('~')[^1].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
