using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace CartonaActors.Cli.Commands;

public static class OdooCommands
{
    public static Command Odoo()
    {
        var check = new Option<bool>("--check") { Description = "Read the integration user's access rights and the automation rules; change nothing (the default)" };
        var apply = new Option<bool>("--apply") { Description = "Create or update the automation rules the service needs (one webhook rule per model)" };
        var setup = new Command("setup", "Check or set up Odoo for the service: access rights and webhook automation rules") { check, apply };
        CommandContext.Runs(async (parse, c, ct) =>
        {
            if (parse.GetValue(check) && parse.GetValue(apply))
            {
                Console.Error.WriteLine("error: --check and --apply exclude each other");
                return ExitCodes.Usage;
            }
            var report = parse.GetValue(apply) ? await c.Api.PostAsync("/api/erp/odoo-setup", ct) : await c.Api.GetAsync("/api/erp/odoo-setup", ct);
            var rightsOk = report.Items("accessRights").All(r => r.Bool("ok"));
            var rulesOk = report.Items("rules").All(r => r.Str("state") is "ok" or "created" or "updated" or "unsupported");
            if (c.Json) c.WriteJson(report);
            else Render(c, report);
            return rightsOk && rulesOk ? ExitCodes.Ok : ExitCodes.Failed;
        })(setup);
        return new Command("odoo", "The Odoo connector") { setup };
    }

    private static void Render(CommandContext c, JsonElement report)
    {
        c.Console.WriteLine($"Odoo {report.Str("odooVersion") ?? "?"}: webhooks {(report.Bool("webhooksSupported") ? "supported" : "not available (the service runs on its poller alone)")}");
        var rights = new Table().AddColumns("model", "read", "write", "create", "ok");
        foreach (var r in report.Items("accessRights"))
            rights.AddRow(Markup.Escape(r.Str("model") ?? ""), r.Bool("read") ? "yes" : "no", r.Bool("write") ? "yes" : "no", r.Bool("create") ? "yes" : "no", r.Bool("ok") ? "ok" : "MISSING");
        c.Console.Write(rights);
        var rules = new Table().AddColumns("model", "rule", "state", "detail");
        foreach (var r in report.Items("rules"))
            rules.AddRow(Markup.Escape(r.Str("model") ?? ""), Markup.Escape(r.Str("name") ?? ""), Markup.Escape(r.Str("state") ?? ""), Markup.Escape(r.Str("detail") ?? ""));
        c.Console.Write(rules);
        c.Console.WriteLine($"{report.Long("changed") ?? 0} rules changed. {report.Str("message")}");
    }
}
