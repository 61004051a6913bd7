using System.CommandLine;
using CartonaActors.Cli;
using CartonaActors.Cli.Commands;

var root = new RootCommand("cartonactl: inspect and steer a CartonaActors service over its admin API.\n" +
    "Exit codes: 0 ok, 1 the answer is a failure, 2 usage, 3 service unreachable, 4 admin token refused, 5 not found, 6 service error.");
GlobalOptions.AddTo(root);
root.Subcommands.Add(ClusterCommands.Cluster());
root.Subcommands.Add(ClusterCommands.Shards());
root.Subcommands.Add(ProductCommands.Product());
root.Subcommands.Add(OrderCommands.Order());
root.Subcommands.Add(OrderCommands.Orders());
root.Subcommands.Add(ConnectionCommands.Connection());
root.Subcommands.Add(LogCommands.Log());
root.Subcommands.Add(SyncCommands.Sync());
root.Subcommands.Add(OdooCommands.Odoo());

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine("see: cartonactl --help");
    return ExitCodes.Usage;
}
return await parsed.InvokeAsync();
