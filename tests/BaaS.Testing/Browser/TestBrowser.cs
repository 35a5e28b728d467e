using Microsoft.Playwright;

namespace BaaS.Testing;

/// <summary>
/// The machine's headless Chromium (apt <c>chromium</c>, or <c>BAAS_CHROMIUM</c>), driven by Playwright: launched once
/// per test run and shared; each test gets its own <see cref="BrowserSession"/> (a fresh context: no cookies, no storage).
/// </summary>
public static class TestBrowser
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>Where Chromium is: <c>BAAS_CHROMIUM</c>, else <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("BAAS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The shared browser, launched on first use. Fails (never skips) when Chromium is missing.</summary>
    public static async Task<IBrowser> GetAsync()
    {
        if (_browser is { IsConnected: true } browser) return browser;
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true } again) return again;
            if (!File.Exists(ExecutablePath))
                throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: `apt-get install chromium` (./test.sh does), or set BAAS_CHROMIUM.");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-dev-shm-usage"],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh browser context on <paramref name="baseUrl"/> with one page, watched for console errors.</summary>
    /// <param name="baseUrl">The server's address.</param>
    /// <param name="artifactFolder">Where screenshots go, under the repository's <c>.ci/tmp/screenshots</c>, e.g. <c>sqlite</c>.</param>
    public static async Task<BrowserSession> OpenAsync(string baseUrl, string artifactFolder)
    {
        var browser = await GetAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            AcceptDownloads = true,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        // Expect() waits as long as actions do: on a machine shared with other builds, a page can take more than
        // Playwright's default 5 s to draw what a test waits for (a wait, never a timed assertion).
        Assertions.SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, Path.Combine(Repo.Root, ".ci", "tmp", "screenshots", artifactFolder));
    }
}
