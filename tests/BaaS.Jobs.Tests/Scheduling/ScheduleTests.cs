namespace BaaS.Jobs.Tests;

/// <summary>Schedules written as text: cron, macros and <c>@every</c> intervals.</summary>
public sealed class ScheduleTests
{
    [Theory]
    [InlineData("@every 30s", 30_000, "@every 30s")]
    [InlineData("@every 1h30m", 5_400_000, "@every 1h30m")]
    [InlineData("@every 90m", 5_400_000, "@every 1h30m")]
    [InlineData("@every 1d 2h", 93_600_000, "@every 1d2h")]
    [InlineData("@EVERY 500ms", 500, "@every 500ms")]
    [InlineData("@every 1m1s1ms", 61_001, "@every 1m1s1ms")]
    public void Intervals_are_read_and_written_back_in_one_form(string text, long milliseconds, string canonical)
    {
        var schedule = Schedule.Parse(text);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), schedule.Interval);
        Assert.Null(schedule.Cron);
        Assert.Equal(canonical, schedule.Text);
        Assert.Equal(schedule.Text, Schedule.Parse(schedule.Text).Text);
    }

    [Theory]
    [InlineData("@every")]
    [InlineData("@every 0s")]
    [InlineData("@every 5x")]
    [InlineData("@every s")]
    [InlineData("@every 10")]
    [InlineData("@every 99999999999999999999d")]
    public void Bad_intervals_are_refused(string text) => Assert.Throws<FormatException>(() => Schedule.Parse(text));

    [Fact]
    public void An_interval_runs_one_interval_after_the_given_time_and_a_cron_schedule_at_its_next_match()
    {
        var at = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(at.AddMinutes(5), Schedule.Every(TimeSpan.FromMinutes(5)).NextAfter(at));
        var cron = Schedule.Parse("0 12 * * *");
        Assert.Equal("0 12 * * *", cron.Text);
        Assert.NotNull(cron.Cron);
        Assert.Equal(at.AddHours(2), cron.NextAfter(at));
        Assert.Equal("@every 1m30s", Schedule.Every(TimeSpan.FromSeconds(90)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Every(TimeSpan.FromTicks(10)));
        Assert.Throws<FormatException>(() => Schedule.Parse("not a schedule"));
    }
}
