namespace CartonaActors.Domain.ReadBack;

/// <summary>
/// The marketplace side of read-back: when a pass is due, which page comes next, and the pass's figures once
/// every slice has reported (or the wait for them ran out). Passes follow one another at
/// <see cref="Interval"/> from the end of the previous one, so a slow pass over a large catalog never overlaps
/// the next.
/// </summary>
public sealed class ReadBackCycle(string connectionId, TimeSpan interval, int perPage, int slices, DateTimeOffset startedAt)
{
    private DateTimeOffset _due = startedAt + interval;
    private Pass? _pass;

    public TimeSpan Interval { get; } = interval;
    public bool Running => _pass is not null;
    public long PassId => _pass?.Id ?? 0;

    /// <summary>Page 1 of a new pass, if one is due and none runs.</summary>
    public ListingPageRequest? StartIfDue(DateTimeOffset now)
    {
        if (_pass is not null || now < _due) return null;
        _pass = new Pass(now.UtcTicks, now);
        return new ListingPageRequest(1, perPage);
    }

    /// <summary>The next page to read, or null when this was the last: then tell the slices
    /// <see cref="FinishReadBack"/> with <see cref="PagesRead"/>.</summary>
    public ListingPageRequest? PageRead(ListingPageRequest request, ListingPage page)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(page);
        if (_pass is not { } pass) return null;
        pass.Pages = Math.Max(pass.Pages, request.Page);
        pass.Listed += page.Items.Count;
        // A short page ends the list even if the platform does not say so.
        return page.Last || page.Items.Count < request.PerPage ? null : request with { Page = request.Page + 1 };
    }

    public int PagesRead => _pass?.Pages ?? 0;
    public DateTimeOffset PassStartedAt => _pass?.StartedAt ?? default;

    /// <summary>A slice's figures; the pass's event once all slices have answered.</summary>
    public ListingsReadBack? Answered(ReadBackFinished figures, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (_pass is not { } pass || figures.PassId != pass.Id || !pass.Answered.Add(figures.SliceId)) return null;
        pass.Compared += figures.Compared;
        pass.Drifted += figures.Drifted;
        pass.Missing += figures.Missing;
        if (!figures.Complete) pass.Incomplete++;
        return pass.Answered.Count >= slices ? End(now) : null;
    }

    /// <summary>The slices that did not answer in time count as incomplete; the pass ends with what it has.</summary>
    public ListingsReadBack? GiveUpWaiting(long passId, DateTimeOffset now)
    {
        if (_pass is not { } pass || pass.Id != passId) return null;
        pass.Incomplete += slices - pass.Answered.Count;
        return End(now);
    }

    /// <summary>The pass could not read its pages (refused, or failing for too long): the next one is due an
    /// interval from now.</summary>
    public void Abort(DateTimeOffset now)
    {
        _pass = null;
        _due = now + Interval;
    }

    private ListingsReadBack End(DateTimeOffset now)
    {
        var pass = _pass!;
        Abort(now);
        return new ListingsReadBack(connectionId, pass.Pages, pass.Listed, pass.Compared, pass.Drifted, pass.Missing, pass.Incomplete,
            pass.StartedAt, now);
    }

    private sealed class Pass(long id, DateTimeOffset startedAt)
    {
        public long Id { get; } = id;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public int Pages;
        public int Listed;
        public int Compared;
        public int Drifted;
        public int Missing;
        public int Incomplete;
        public HashSet<string> Answered { get; } = new(StringComparer.Ordinal);
    }
}
