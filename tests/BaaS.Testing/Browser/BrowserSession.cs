using System.Diagnostics;
using Microsoft.Playwright;

namespace BaaS.Testing;

/// <summary>
/// One test's browser: a context and its page. Every console error, uncaught page error and failed request is recorded;
/// <see cref="DisposeAsync"/> fails the test when there was any (call <see cref="AllowConsoleError"/> for one a test
/// provokes on purpose, such as the 4xx of a refused call).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _allowed = [];
    private readonly string _artifacts;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    internal BrowserSession(IBrowserContext context, IPage page, string artifacts)
    {
        Context = context;
        Page = page;
        _artifacts = artifacts;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Record($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.RequestFailed += (_, request) =>
        {
            // A navigation away cancels the requests still running: that is not the page's fault.
            if (request.Failure is "net::ERR_ABORTED") return;
            Record($"request failed: {request.Method} {request.Url} {request.Failure}");
        };
    }

    /// <summary>The browser context (cookies, storage).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>What went wrong on the page so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors) return [.. _errors];
        }
    }

    /// <summary>Lets console errors containing <paramref name="fragment"/> pass (a response the test provokes on purpose).</summary>
    public void AllowConsoleError(string fragment)
    {
        lock (_errors) _allowed.Add(fragment);
    }

    private void Record(string error)
    {
        lock (_errors)
        {
            if (!_allowed.Any(a => error.Contains(a, StringComparison.Ordinal))) _errors.Add(error);
        }
    }

    /// <summary>Saves a full-page screenshot as <c>{name}.png</c> among the test run's artifacts; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(_artifacts);
        var path = Path.Combine(_artifacts, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Fails when the page logged an error.</summary>
    public void AssertNoErrors()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join("\n", errors));
    }

    /// <summary>How long the session has been open.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Closes the context, then fails when the page reported an error.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync();
        }
        catch (PlaywrightException)
        {
        }
        AssertNoErrors();
    }
}
