namespace CartonaActors.Service.Dashboard;

/// <summary>The monitoring screen's frame. Its script (dashboard.js) fills it from /api/dashboard, /api/sync-log and
/// /api/sync-log/summary every few seconds, without reloading the page.</summary>
public static class DashboardPage
{
    public const int RefreshSeconds = 3;

    private static readonly string Body = $$"""
        <section aria-label="counters" class="counters" data-refresh-seconds="{{RefreshSeconds}}">
          <div><span class="label">Products synced</span><span class="value" id="products-synced">…</span></div>
          <div><span class="label">Products failed</span><span class="value" id="products-failed">…</span></div>
          <div><span class="label">Products pending</span><span class="value" id="products-pending">…</span></div>
          <div><span class="label">Orders pulled</span><span class="value" id="orders-pulled">…</span></div>
          <div><span class="label">Orders held (24 h)</span><span class="value" id="orders-held">…</span></div>
          <div><span class="label">Orders failed (24 h)</span><span class="value" id="orders-failed">…</span></div>
          <div><span class="label">Issues (24 h)</span><span class="value" id="issues-24h">…</span></div>
          <div><span class="label">Queued work</span><span class="value" id="queued-work">…</span></div>
        </section>
        <section>
          <h2>Connections</h2>
          <table id="connections"><thead><tr><th>connection</th><th>platform</th><th>health</th><th>delivered</th><th>refused</th>
            <th>throughput</th><th>waiting</th><th>in flight</th><th>orders pulled</th><th>last delivery</th></tr></thead>
            <tbody><tr><td colspan="10">loading…</td></tr></tbody></table>
        </section>
        <section>
          <h2>Pushes and errors, last hour</h2>
          <svg id="chart" role="img" aria-label="pushes and errors per minute over the last hour" viewBox="0 0 720 160"></svg>
          <p id="chart-note" class="note">loading…</p>
        </section>
        <section>
          <h2>Sync log</h2>
          <form id="log-filters" class="filters" onsubmit="return false">
            <label>Connection <select id="filter-connection"><option value="">all</option></select></label>
            <label>Level <select id="filter-level"><option value="">all</option><option>info</option><option>warning</option><option>error</option></select></label>
            <label>Text <input id="filter-text" type="search" placeholder="product, order, message…"></label>
            <span id="log-count" class="note"></span>
          </form>
          <table id="sync-log"><thead><tr><th>at</th><th>level</th><th>kind</th><th>connection</th><th>product / order</th><th>message</th></tr></thead>
            <tbody></tbody></table>
        </section>
        <p class="note" id="refreshed">not refreshed yet</p>
        """;

    public static string Render() => PageLayout.Page("Monitoring dashboard", "/", Body, "dashboard.js");
}
