using System.Globalization;

namespace CartonaActors.Sandbox.Odoo;

/// <summary>The server version an emulator plays (<c>common.version</c>, and which models and fields exist):
/// "18.0", "17.0", "16.0", "15.0" or a SaaS build such as "saas~17.2".</summary>
internal sealed record OdooServerVersion(string Text, int Major, int Minor)
{
    /// <summary>"Send Webhook Notification" server actions (state <c>webhook</c>) and base.automation's
    /// <c>action_server_ids</c> came with 17.0's automation revamp.</summary>
    public bool HasWebhookActions => Major >= 17;

    public static OdooServerVersion Parse(string text)
    {
        var serie = text.StartsWith("saas~", StringComparison.Ordinal) ? text[5..] : text;
        var parts = serie.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor) || major < 8)
            throw new ArgumentException($"OdooEmulatorOptions.ServerVersion '{text}' is not an Odoo version such as 18.0 or saas~17.2.");
        return new OdooServerVersion(text, major, minor);
    }

    /// <summary><c>common.version()</c> as odoo/service/common.py answers it (release.version_info).</summary>
    public Dictionary<string, object?> Answer() => new()
    {
        ["server_version"] = Text,
        ["server_version_info"] = new object?[] { Text.StartsWith("saas~", StringComparison.Ordinal) ? $"saas~{Major}" : (object)(long)Major, (long)Minor, 0L, "final", 0L, "" },
        ["server_serie"] = Text,
        ["protocol_version"] = 1L,
    };
}
