using System.Diagnostics;
using BaaS;
using BaaS.Data;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MyApp.ServiceInterface.Jobs;
using MyApp.ServiceModel;
using static Microsoft.Playwright.Assertions;

namespace MyApp.Tests;

/// <summary>
/// The Admin UI's jobs dashboard over MyApp's real queue: its counts are the stats API's, a failed job is retried from
/// the list and the list follows it without a reload, a job's page shows its attempts and error, schedules show the
/// API's next run and take their actions. The failing job is a real one: MyApp's restaurant notification queued
/// through the jobs API (<see cref="IBackgroundJobs"/>) for an order that does not exist, which fails with NotFound.
/// </summary>
public abstract class AdminUiJobsTests<THost>(THost host) where THost : MyAppFixture
{
    /// <summary>A wait for what happens in the background (a job running, the page's next poll): a bound, not a measurement.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Background = new() { Timeout = 20_000 };

    private IBackgroundJobs Jobs(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<IBackgroundJobs>();

    /// <summary>A restaurant of a new owner, so the order the test writes later is in nobody else's lists.</summary>
    private async Task<(int RestaurantId, Guid OwnerId)> NewRestaurantAsync()
    {
        var user = await host.CreateUserAsync(Roles.Owner);
        using var owner = host.As(user);
        var id = int.Parse((await owner.SendAsync(new CreateRestaurant { Name = "UI Jobs " + Guid.NewGuid().ToString("N")[..6], DeliveryFee = 1m, IsOpen = true })).Id!);
        return (id, user.Id);
    }

    /// <summary>
    /// Queues the restaurant notification of an order id that no order has (far above the ids the app hands out) and
    /// waits until it failed; answers the job as the API shows it.
    /// </summary>
    private async Task<(JobInfo Job, OrderNotice Notice, Guid OwnerId)> FailedNotificationAsync()
    {
        var (restaurantId, ownerId) = await NewRestaurantAsync();
        var notice = new OrderNotice { OrderId = 1_000_000_000 + Random.Shared.Next(1_000_000_000), RestaurantId = restaurantId };
        JobRef queued;
        using (var scope = host.Services.CreateScope())
            queued = await Jobs(scope).EnqueueCommandAsync<NotifyRestaurantCommand>(notice, new JobOptions { Tag = "ui-" + Guid.NewGuid().ToString("N")[..10] });
        return (await WaitForStateAsync(queued.Id, JobState.Failed), notice, ownerId);
    }

    private async Task<JobInfo> WaitForStateAsync(long id, JobState state)
    {
        using var admin = host.As(host.Admin);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = (await admin.SendAsync(new AdminGetJob { Id = id })).Job;
            if (job.State == state) return job;
            if (clock.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"Job {id} is {job.State}, not {state}: {job.ErrorMessage}");
            await Task.Delay(25);
        }
    }

    /// <summary>Writes the order the notification is about, with the id it names, for a new customer.</summary>
    private async Task CreateTheMissingOrderAsync(OrderNotice notice, Guid ownerId)
    {
        var customer = await host.CreateUserAsync(Roles.Customer);
        var now = DateTime.UtcNow;
        await using var db = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await db.SaveAsync(new Order
        {
            Id = notice.OrderId, RestaurantId = notice.RestaurantId, CustomerId = customer.Id, OwnerId = ownerId,
            CustomerName = "Late Order", DeliveryAddress = "1 Late Ln", Status = OrderStatus.Placed, PlacedAt = now, EstimatedDeliveryAt = now.AddMinutes(30),
        });
    }

    /// <summary>The number of the page's latest successful load, to wait for the next one.</summary>
    private static Task<string?> LoadsAsync(BrowserSession browser) => browser.ByTestId("job-stats").GetAttributeAsync("data-loads");

    [Fact]
    public async Task The_dashboards_counts_are_the_stats_apis()
    {
        await FailedNotificationAsync(); // so that one count at least is not zero
        await using var browser = await AdminUiBrowser.OpenAsync(host);

        // The queue moves while we look (other suites' jobs finish, finished jobs are archived), so a second call of
        // the API from here can never be sure to see what the page saw. What the page must show is the answer of the
        // stats API it received: every answer is kept as it crossed the network, and the cards must show one of them.
        var answers = new System.Collections.Concurrent.ConcurrentQueue<Dictionary<string, string>>();
        browser.Page.Response += async (_, response) =>
        {
            if (!response.Url.Contains(nameof(AdminGetJobStats), StringComparison.Ordinal) || response.Status != 200) return;
            try
            {
                using var json = System.Text.Json.JsonDocument.Parse(await response.BodyAsync());
                string Count(string name) => json.RootElement.GetProperty(name).GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
                answers.Enqueue(new Dictionary<string, string>
                {
                    ["Queued"] = Count("queued"), ["Started"] = Count("running"), ["Failed"] = Count("failed"),
                    ["Completed"] = Count("completed"), ["Cancelled"] = Count("cancelled"),
                });
            }
            catch (PlaywrightException) { } // the page went away while the body was read
        };
        await browser.SignInAsync(host.Admin, "/admin-ui/jobs");
        await Expect(browser.ByTestId("job-stats")).ToHaveAttributeAsync("data-loads", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));

        for (var round = 1; ; round++)
        {
            var loads = await LoadsAsync(browser);
            var shown = new Dictionary<string, string>();
            foreach (var state in new[] { "Queued", "Started", "Failed", "Completed", "Cancelled" })
                shown[state] = (await browser.ByTestId($"count-{state}").TextContentAsync())!.Trim();
            // The cards were read between two equal load numbers: one load's answer, not a mix of two.
            if (await LoadsAsync(browser) == loads)
            {
                Assert.NotEmpty(answers);
                Assert.True(answers.Any(a => a.OrderBy(kv => kv.Key).SequenceEqual(shown.OrderBy(kv => kv.Key))),
                    $"The page shows {string.Join(", ", shown)}; the API answered {string.Join(" / ", answers.Select(a => string.Join(", ", a)))}.");
                Assert.NotEqual("0", shown["Failed"]);
                break;
            }
            Assert.True(round < 20, "The page never stood still between two loads.");
        }
        await Expect(browser.ByTestId("job-stats-minute")).ToContainTextAsync("Last minute:");
        await browser.ScreenshotAsync("jobs");
    }

    [Fact]
    public async Task A_failed_job_is_retried_from_the_dashboard_and_its_row_follows_it_without_a_reload()
    {
        var (failed, notice, ownerId) = await FailedNotificationAsync();
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, $"/admin-ui/jobs?tag={failed.Tag}");
        var state = browser.ByTestId($"job-state-{failed.Id}");
        await Expect(state).ToHaveAttributeAsync("data-state", nameof(JobState.Failed));
        await Expect(browser.ByTestId($"job-attempts-{failed.Id}")).ToHaveTextAsync($"{failed.Attempts} / {failed.RetryLimit + 1}");
        await Expect(browser.ByTestId($"job-row-{failed.Id}")).ToContainTextAsync(failed.ErrorMessage!);

        // The page hears the jobs' notices (server events): it follows the job below by them, not by its slow safety poll.
        await Expect(browser.ByTestId("jobs-live")).ToHaveAttributeAsync("data-live", "true");

        // The cause goes away (the order is written), then the admin retries the job from the list.
        await CreateTheMissingOrderAsync(notice, ownerId);
        await browser.Page.EvaluateAsync("() => { window.sameDocument = true }");
        await browser.ByTestId($"retry-{failed.Id}").ClickAsync();

        await Expect(state).ToHaveAttributeAsync("data-state", nameof(JobState.Completed), Background);
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "The page was reloaded.");
        var completed = await WaitForStateAsync(failed.Id, JobState.Completed);
        await Expect(browser.ByTestId($"retry-{failed.Id}")).ToHaveCountAsync(0);
        Assert.Contains($"New order {notice.OrderId} for Late Order", completed.Result);
    }

    [Fact]
    public async Task A_jobs_page_shows_its_attempts_and_its_error()
    {
        var (failed, notice, _) = await FailedNotificationAsync();
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, $"/admin-ui/jobs?state=Failed&tag={failed.Tag}");
        await browser.ByTestId($"job-link-{failed.Id}").ClickAsync();

        await Expect(browser.ByTestId("job-state")).ToHaveAttributeAsync("data-state", nameof(JobState.Failed));
        await Expect(browser.ByTestId("job-command")).ToHaveTextAsync(failed.Command);
        await Expect(browser.ByTestId("job-error-code")).ToHaveTextAsync(failed.ErrorCode!);
        await Expect(browser.ByTestId("job-error-message")).ToHaveTextAsync(failed.ErrorMessage!);
        await Expect(browser.ByTestId("job-arg")).ToContainTextAsync($"\"orderId\": {notice.OrderId}");
        var attempts = browser.ByTestId("job-attempts").Locator("tbody tr");
        await Expect(attempts).ToHaveCountAsync(failed.AttemptLog.Count);
        foreach (var attempt in failed.AttemptLog)
        {
            var row = browser.ByTestId($"attempt-{attempt.Attempt}");
            await Expect(row.GetByTestId("attempt-outcome")).ToHaveTextAsync(attempt.Outcome);
            await Expect(row.GetByTestId("attempt-error")).ToContainTextAsync(attempt.Error!);
            await Expect(row).ToContainTextAsync(attempt.Node!);
        }
        await Expect(browser.ByTestId("job-retry")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("job");
    }

    [Fact]
    public async Task Searching_lists_what_the_api_finds_and_a_reversed_range_is_refused_on_the_page()
    {
        var (failed, notice, _) = await FailedNotificationAsync();
        using var admin = host.As(host.Admin);
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/jobs");

        await browser.ByTestId("job-search").FillAsync(failed.Id.ToString());
        await browser.ByTestId("job-search").PressAsync("Enter");
        await Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"q={failed.Id}"));
        var rows = browser.ByTestId("jobs-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(browser.ByTestId($"job-row-{failed.Id}")).ToBeVisibleAsync();

        // Text: the error message's order number, as the API finds it.
        var text = notice.OrderId.ToString()[..6] + " does not";
        var found = await admin.SendAsync(new AdminQueryJobs { Search = text, Take = 25 });
        await browser.ByTestId("job-search").FillAsync(text);
        await browser.ByTestId("job-search").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(found.Results.Count);
        foreach (var job in found.Results) await Expect(browser.ByTestId($"job-row-{job.Id}")).ToBeVisibleAsync();

        await browser.ByTestId("job-from").FillAsync("2026-12-02T10:00");
        await browser.ByTestId("job-to").FillAsync("2026-12-01T10:00");
        await browser.ByTestId("job-to").DispatchEventAsync("change");
        await Expect(browser.ByTestId("job-range-error")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("jobs-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_schedules_next_run_is_the_apis_and_it_is_paused_resumed_and_deleted_from_the_page()
    {
        var name = "ui-yearly-" + Guid.NewGuid().ToString("N")[..6];
        using (var scope = host.Services.CreateScope())
            await Jobs(scope).RecurringCommandAsync<CloseStaleOrdersCommand>(name, Schedule.Parse("0 0 1 1 *"), new CloseStaleOrders { OlderThanMinutes = 600 });
        using var admin = host.As(host.Admin);
        JobScheduleInfo Api(AdminQueryJobSchedulesResponse all) => all.Results.Single(s => s.Name == name);
        var schedule = Api(await admin.SendAsync(new AdminQueryJobSchedules()));

        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Admin, "/admin-ui/jobs");
        await browser.ByTestId("tab-schedules").ClickAsync();
        var row = browser.ByTestId($"schedule-{name}");
        await Expect(row).ToContainTextAsync("0 0 1 1 *");
        await Expect(row).ToContainTextAsync(nameof(CloseStaleOrdersCommand));
        var next = browser.ByTestId($"schedule-next-{name}").Locator("time");
        Assert.Equal(schedule.NextRunAt, DateTime.Parse((await next.GetAttributeAsync("datetime"))!, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        await Expect(next).ToHaveTextAsync(schedule.NextRunAt!.Value.ToString("yyyy-MM-dd HH:mm:ss"));
        // Every schedule the API lists is on the page.
        foreach (var other in (await admin.SendAsync(new AdminQueryJobSchedules())).Results)
            await Expect(browser.ByTestId($"schedule-{other.Name}")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("job-schedules");

        await browser.ByTestId($"schedule-pause-{name}").ClickAsync();
        await Expect(browser.ByTestId($"schedule-state-{name}")).ToHaveTextAsync("Paused");
        Assert.True(Api(await admin.SendAsync(new AdminQueryJobSchedules())).Paused);
        await browser.ByTestId($"schedule-resume-{name}").ClickAsync();
        await Expect(browser.ByTestId($"schedule-state-{name}")).ToHaveTextAsync("Active");
        Assert.False(Api(await admin.SendAsync(new AdminQueryJobSchedules())).Paused);

        await browser.ByTestId($"schedule-delete-{name}").ClickAsync();
        await browser.ByTestId("confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.DoesNotContain((await admin.SendAsync(new AdminQueryJobSchedules())).Results, s => s.Name == name);
    }

    [Fact]
    public async Task An_owner_who_may_enter_the_admin_ui_is_told_the_jobs_are_for_admins_without_a_refused_call()
    {
        await using var browser = await AdminUiBrowser.OpenAsync(host);
        await browser.SignInAsync(host.Owner, "/admin-ui/jobs");
        await Expect(browser.ByTestId("jobs-refused")).ToBeVisibleAsync();
        await Expect(browser.ByTestId("nav-page-jobs")).ToHaveCountAsync(0);
        await browser.Page.GotoAsync("/admin-ui/jobs/1");
        await Expect(browser.ByTestId("jobs-refused")).ToBeVisibleAsync();
    }
}

[Collection(SqliteApp.Name)]
public sealed class SqliteAdminUiJobsTests(SqliteMyAppFixture host) : AdminUiJobsTests<SqliteMyAppFixture>(host);

[Collection(PostgreSqlApp.Name)]
public sealed class PostgreSqlAdminUiJobsTests(PostgreSqlMyAppFixture host) : AdminUiJobsTests<PostgreSqlMyAppFixture>(host);
