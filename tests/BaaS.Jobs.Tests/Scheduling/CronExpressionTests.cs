using System.Globalization;

namespace BaaS.Jobs.Tests;

/// <summary>The cron parser: the next run after a time, for every kind of field, and the errors bad expressions get.</summary>
public sealed class CronExpressionTests
{
    private static DateTime T(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static TheoryData<string, string, string> NextRuns() => new()
    {
        // expression, after, next
        { "* * * * *", "2026-01-01 10:00:30", "2026-01-01 10:01:00" },
        { "*/15 * * * *", "2026-01-01 10:07:00", "2026-01-01 10:15:00" },
        { "*/15 * * * *", "2026-01-01 10:45:00", "2026-01-01 11:00:00" },
        { "0 3 * * *", "2026-01-01 03:00:00", "2026-01-02 03:00:00" },       // strictly after
        { "0 3 * * *", "2026-01-01 02:59:59", "2026-01-01 03:00:00" },
        { "30 2 1 * *", "2026-01-15 00:00:00", "2026-02-01 02:30:00" },
        { "0 0 * * MON-FRI", "2026-01-03 12:00:00", "2026-01-05 00:00:00" }, // Saturday -> Monday
        { "0 0 * * 7", "2026-01-01 00:00:00", "2026-01-04 00:00:00" },       // 7 is Sunday
        { "0 0 * * sun", "2026-01-01 00:00:00", "2026-01-04 00:00:00" },
        { "0 0 * * 5-7", "2026-01-03 01:00:00", "2026-01-04 00:00:00" },     // Fri-Sun, range through 7
        { "0 0 L * *", "2026-02-10 00:00:00", "2026-02-28 00:00:00" },
        { "0 0 L * *", "2028-02-10 00:00:00", "2028-02-29 00:00:00" },       // leap year
        { "0 0 1,15,L * *", "2026-04-16 00:00:00", "2026-04-30 00:00:00" },
        { "0 12 * jan,JUL *", "2026-02-01 00:00:00", "2026-07-01 12:00:00" },
        { "0 0 13 * FRI", "2026-01-01 00:00:00", "2026-01-02 00:00:00" },    // both day fields: either matches
        { "0 0 13 * FRI", "2026-01-10 00:00:00", "2026-01-13 00:00:00" },
        { "0 0 ? * 1", "2026-01-01 00:00:00", "2026-01-05 00:00:00" },       // ? is *
        { "0 0 29 2 *", "2026-03-01 00:00:00", "2028-02-29 00:00:00" },
        { "0 0 31 * *", "2026-04-01 00:00:00", "2026-05-31 00:00:00" },      // skips 30-day months
        { "0 0 1 1 *", "2026-12-31 23:59:00", "2027-01-01 00:00:00" },       // year rollover
        { "5/20 * * * *", "2026-01-01 10:26:00", "2026-01-01 10:45:00" },
        { "10-50/20 * * * *", "2026-01-01 10:31:00", "2026-01-01 10:50:00" },
        { "10-50/20 * * * *", "2026-01-01 10:51:00", "2026-01-01 11:10:00" },
        { "0 9-17/4 * * *", "2026-01-01 14:00:00", "2026-01-01 17:00:00" },
        { "*/10 * * * * *", "2026-01-01 10:00:05", "2026-01-01 10:00:10" },  // six fields: seconds first
        { "30 0 12 * * ?", "2026-01-01 12:00:30", "2026-01-02 12:00:30" },
        { "0 0 12 * * MON", "2026-01-01 00:00:00", "2026-01-05 12:00:00" },
        { "@hourly", "2026-01-01 10:00:00", "2026-01-01 11:00:00" },
        { "@daily", "2026-01-01 10:00:00", "2026-01-02 00:00:00" },
        { "@weekly", "2026-01-01 10:00:00", "2026-01-04 00:00:00" },
        { "@monthly", "2026-01-01 10:00:00", "2026-02-01 00:00:00" },
        { "@yearly", "2026-01-01 10:00:00", "2027-01-01 00:00:00" },
        { "  0   3 * *  * ", "2026-01-01 00:00:00", "2026-01-01 03:00:00" },  // extra spaces
    };

    [Theory]
    [MemberData(nameof(NextRuns))]
    public void Next_run_is_the_first_match_strictly_after_the_given_time(string expression, string after, string next)
    {
        var cron = CronExpression.Parse(expression);
        var found = cron.NextAfter(T(after));
        Assert.Equal(T(next), found);
        Assert.Equal(DateTimeKind.Utc, found!.Value.Kind);
        Assert.True(cron.Matches(found.Value));
    }

    [Fact]
    public void Fractions_of_a_second_are_ignored_and_the_next_second_is_found()
    {
        var cron = CronExpression.Parse("* * * * * *");
        Assert.Equal(T("2026-01-01 10:00:01"), cron.NextAfter(T("2026-01-01 10:00:00").AddMilliseconds(999)));
    }

    public static TheoryData<string, string> Errors() => new()
    {
        { "", "cannot be empty" },
        { "* * * *", "has 4 field(s)" },
        { "* * * * * * *", "has 7 field(s)" },
        { "60 * * * *", "minute value 60 is out of range 0-59" },
        { "* 24 * * *", "hour value 24 is out of range 0-23" },
        { "* * 0 * *", "day-of-month value 0 is out of range 1-31" },
        { "* * * 13 *", "month value 13 is out of range 1-12" },
        { "* * * * 8", "day-of-week value 8 is out of range 0-7" },
        { "60 * * * * *", "second value 60 is out of range 0-59" },
        { "*/0 * * * *", "step '0'" },
        { "*/x * * * *", "step 'x'" },
        { "5-1 * * * *", "runs backwards" },
        { "* * * FOO *", "'FOO', which is not a number from 1 to 12 or a name (JAN" },
        { "* * * * Funday", "not a number from 0 to 7 or a name" },
        { "L * * * *", "'L' is only allowed in the day-of-month field" },
        { "* * L/2 * *", "takes no step" },
        { "1,,2 * * * *", "empty list item" },
        { "? * * * *", "'?', which is not a number" },
        { "-5 * * * *", "'-5', which is not a number" },
        { "0 0 30 2 *", "never matches a date" },
        { "0 0 31 4,6,9,11 *", "never matches a date" },
        { "@fortnightly", "Unknown cron macro" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Bad_expressions_are_refused_saying_what_is_wrong(string expression, string message)
    {
        var error = Assert.Throws<FormatException>(() => CronExpression.Parse(expression));
        Assert.Contains(message, error.Message);
        Assert.False(CronExpression.TryParse(expression, out var cron, out var text));
        Assert.Null(cron);
        Assert.Equal(error.Message, text);
    }
}
