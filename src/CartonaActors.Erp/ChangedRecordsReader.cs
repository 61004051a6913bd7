using System.Text.Json;

namespace CartonaActors.Erp;

/// <summary>
/// Keyset paging over (write_date, id) that stays exact although JSON-RPC reports write_date in whole seconds
/// while the database keeps microseconds and orders by them.
/// </summary>
/// <remarks>
/// The position handed back to callers is (second, id). Inside one second the server's order (by microsecond)
/// is not the id order, so a page must never end part-way through a second it fetched by write_date order.
/// A page is therefore made of: the rest of the caller's second by id (<c>second = s and id &gt; afterId</c>),
/// then whole seconds by write_date order, and — when the limit cuts into a second — that second again by id
/// from its start. Every returned run is a prefix (by id) of its second, so the next page resumes exactly.
/// At most three calls per page; pages are in (second, id) order.
/// </remarks>
internal sealed class ChangedRecordsReader(OdooClient client)
{
    public sealed record Row(long Id, DateTime WriteDate, JsonElement Record);

    public async Task<IReadOnlyList<Row>> ReadPageAsync(string model, IReadOnlyList<string> fields, DateTime since,
        DateTime? afterWriteDate, long afterId, int limit, IReadOnlyDictionary<string, object?> context, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var from = OdooDateTime.TruncateToSecond(since);
        var page = new List<Row>(limit);
        var start = from;

        if (afterWriteDate is { } after)
        {
            var second = OdooDateTime.TruncateToSecond(after);
            if (second >= from)
            {
                page.AddRange(await SecondByIdAsync(model, fields, second, afterId, limit, context, ct));
                if (page.Count == limit) return page;
            }
            start = second.AddSeconds(1) > from ? second.AddSeconds(1) : from;
        }

        var remaining = limit - page.Count;
        var ordered = await RowsAsync(model, fields, [OdooDomain.Leaf("write_date", ">=", OdooDateTime.Format(start))],
            "write_date asc, id asc", remaining, context, ct);
        if (ordered.Count < remaining)
        {
            page.AddRange(InKeysetOrder(ordered)); // nothing beyond: every second fetched is complete
            return page;
        }

        var lastSecond = ordered[^1].WriteDate;
        page.AddRange(InKeysetOrder(ordered.Where(r => r.WriteDate < lastSecond)));
        page.AddRange(await SecondByIdAsync(model, fields, lastSecond, 0, limit - page.Count, context, ct));
        return page;
    }

    private Task<IReadOnlyList<Row>> SecondByIdAsync(string model, IReadOnlyList<string> fields, DateTime second,
        long afterId, int limit, IReadOnlyDictionary<string, object?> context, CancellationToken ct) =>
        RowsAsync(model, fields,
            [
                OdooDomain.Leaf("write_date", ">=", OdooDateTime.Format(second)),
                OdooDomain.Leaf("write_date", "<", OdooDateTime.Format(second.AddSeconds(1))),
                OdooDomain.Leaf("id", ">", afterId),
            ],
            "id asc", limit, context, ct);

    private async Task<IReadOnlyList<Row>> RowsAsync(string model, IReadOnlyList<string> fields, IReadOnlyList<object?> domain,
        string order, int limit, IReadOnlyDictionary<string, object?> context, CancellationToken ct)
    {
        var records = await client.SearchReadAsync(model, domain, fields, limit: limit, order: order, context: context, ct: ct);
        return records
            .Select(r => new Row(OdooValues.Id(r),
                OdooDateTime.TruncateToSecond(OdooValues.DateTime(r, "write_date")
                    ?? throw new OdooServerException($"Odoo {model}.search_read returned a record without write_date.")),
                r))
            .ToArray();
    }

    private static IEnumerable<Row> InKeysetOrder(IEnumerable<Row> rows) => rows.OrderBy(r => r.WriteDate).ThenBy(r => r.Id);
}
