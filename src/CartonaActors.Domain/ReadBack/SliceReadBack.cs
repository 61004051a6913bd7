using CartonaActors.Domain.Pushes;

namespace CartonaActors.Domain.ReadBack;

/// <summary>
/// One push slice's side of a read-back pass: matches each listed product to the slice's product by any of its
/// ids, reports those whose confirmed values the marketplace no longer shows, and at the end of a pass it saw
/// whole, those it confirmed before the pass that no page listed. Memory only: a slice that restarts mid-pass
/// still compares the pages it gets, but does not look for missing products in that pass.
/// </summary>
public sealed class SliceReadBack
{
    private long _passId = -1;
    private readonly HashSet<int> _pages = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private Dictionary<string, string> _byRef = new(StringComparer.Ordinal);
    private int _compared;
    private int _drifted;

    /// <summary>Listed products that show other values than the slice confirmed, to be sent again.</summary>
    public IReadOnlyList<DriftedPush> Compare(PushSlice slice, CompareListings page)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(page);
        if (page.PassId != _passId) Begin(slice, page.PassId);
        _pages.Add(page.Page);
        var drifted = new List<DriftedPush>();
        foreach (var listed in page.Items)
        {
            if (Match(slice, listed) is not { } productId) continue; // another slice's product, or not ours at all
            _seen.Add(productId);
            if (slice.ConfirmedBefore(productId, page.ReadAt) is not { } confirmed) continue;
            _compared++;
            if (ListingDrift.Shows(confirmed.Values, listed.Shown)) continue;
            drifted.Add(new DriftedPush(productId, confirmed.Version, listed.Shown));
        }
        _drifted += drifted.Count;
        return drifted;
    }

    /// <summary>The pass's figures, and the products it confirmed before the pass began that no page listed.</summary>
    public (IReadOnlyList<DriftedPush> Missing, ReadBackFinished Figures) Finish(PushSlice slice, FinishReadBack finish)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(finish);
        var complete = finish.PassId == _passId && _pages.Count == finish.Pages && Enumerable.Range(1, finish.Pages).All(_pages.Contains);
        var missing = new List<DriftedPush>();
        if (complete)
            foreach (var (productId, _) in slice.Listings())
                if (!_seen.Contains(productId) && slice.ConfirmedBefore(productId, finish.StartedAt) is { } confirmed)
                    missing.Add(new DriftedPush(productId, confirmed.Version, null));
        var figures = new ReadBackFinished(finish.SliceId, finish.PassId, finish.PassId == _passId ? _compared : 0,
            finish.PassId == _passId ? _drifted : 0, missing.Count, complete);
        if (finish.PassId == _passId) Begin(slice, -1);
        return (missing, figures);
    }

    private void Begin(PushSlice slice, long passId)
    {
        _passId = passId;
        _pages.Clear();
        _seen.Clear();
        _compared = _drifted = 0;
        // Built once a pass: a product listed anew during the pass is young enough not to need checking.
        _byRef = passId < 0 ? new(StringComparer.Ordinal) : slice.Listings().GroupBy(l => Key(l.Ref.Kind, l.Ref.Value))
            .ToDictionary(g => g.Key, g => g.First().ProductId, StringComparer.Ordinal);
    }

    private string? Match(PushSlice slice, ListedProduct listed)
    {
        foreach (var r in listed.Refs)
            if (_byRef.TryGetValue(Key(r.Kind, r.Value), out var productId)
                && slice.RefOf(productId) is { } current && current.Kind == r.Kind && current.Value == r.Value)
                return productId;
        return null;
    }

    private static string Key(string kind, string value) => kind + "\u001f" + value;
}
