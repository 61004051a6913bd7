using System.Net;

namespace CartonaActors.Service.Dashboard;

/// <summary>The frame both admin pages share: head, navigation, the page's own script. No external resource: the
/// service may run where there is no internet.</summary>
public static class PageLayout
{
    public static string Page(string title, string current, string body, string script) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html(title)}} · CartonaActors</title>
        <link rel="stylesheet" href="{{DashboardAssets.PathOf("dashboard.css")}}">
        </head>
        <body>
        <header>
          <strong>CartonaActors</strong>
          <nav>{{Link("/", "Dashboard", current)}} {{Link("/configuration", "Configuration", current)}}</nav>
        </header>
        <main>
        <h1>{{Html(title)}}</h1>
        {{body}}
        </main>
        <script src="{{DashboardAssets.PathOf(script)}}"></script>
        </body>
        </html>
        """;

    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Link(string href, string label, string current) =>
        href == current ? $"""<a href="{href}" aria-current="page">{label}</a>""" : $"""<a href="{href}">{label}</a>""";
}
