using Microsoft.Playwright;

namespace CartonaActors.Service.Tests.Dashboard;

/// <summary>
/// A real headless Chromium driven by Playwright: Debian's chromium package (ops/chromium.sh installs it; ops/test.sh
/// exports its path as CARTONA_TEST_CHROMIUM), never a browser downloaded by `playwright install`. Without it the
/// browser specs fail and say how to get it: a skipped browser test would prove nothing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Variable = "CARTONA_TEST_CHROMIUM";
    private const string DebianPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : DebianPath;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium not found at {path}: run ops/test.sh (or `export {Variable}=\"$(ops/chromium.sh)\"`), which installs Debian's chromium package.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path, Headless = true,
            // Containers run the tests as root, where Chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh profile (no cookies) for one test.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Where a spec keeps what a person looks at afterwards: artifacts/ at the repository root (not committed).</summary>
public static class Artifacts
{
    public static string PathOf(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CartonaActors.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }
}
