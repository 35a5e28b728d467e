using System.Net;
using BaaS.AutoQuery.Tests.Fixtures;
using BaaS.Data;
using BaaS.Metadata;

namespace BaaS.AutoQuery.Tests.Validation;

/// <summary>Declarative rules and FluentValidation validators, before the service, as field errors of one 400.</summary>
public abstract class ValidationTests<THost>(THost host) : IClassFixture<THost> where THost : AutoQueryFixture
{
    private static ValidateEverything Valid() => new()
    {
        Required = "yes", Items = [1], Small = 9, Stars = 5, Code = "ABCD", Nick = "bob", Email = "a@b.c", Currency = "EUR",
        Card = "4111 1111 1111 1111", Age = 18, Percent = 100, Amount = 1234.56m, Remark = "ok",
    };

    [Fact]
    public async Task Valid_request_passes_every_rule()
    {
        using var client = host.CreateClient();
        var result = await client.ApiAsync(Valid());
        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    public static TheoryData<string, object?, string, string> Failures() => new()
    {
        { nameof(ValidateEverything.Required), null, "NotNull", "'Required' must not be empty." },
        { nameof(ValidateEverything.Items), new List<int>(), "NotEmpty", "'Items' must not be empty." },
        { nameof(ValidateEverything.Small), 10, "LessThan", "'Small' must be less than '10'." },
        { nameof(ValidateEverything.Stars), 5.5, "InclusiveBetween", "'Stars' must be between 1 and 5. You entered 5.5." },
        { nameof(ValidateEverything.Code), "A", "Length", "'Code' must be between 2 and 4 characters. You entered 1 characters." },
        { nameof(ValidateEverything.Nick), "al", "MinimumLength", "The length of 'Nick' must be at least 3 characters. You entered 2 characters." },
        { nameof(ValidateEverything.Email), "not-an-email", "Email", "'Email' is not a valid email address." },
        { nameof(ValidateEverything.Currency), "eur", "RegularExpression", "'Currency' is not in the correct format." },
        { nameof(ValidateEverything.Card), "4111 1111 1111 1112", "CreditCard", "'Card' is not a valid credit card number." },
        { nameof(ValidateEverything.Age), 17, "GreaterThanOrEqual", "'Age' must be greater than or equal to '18'." },
        { nameof(ValidateEverything.Percent), 101L, "LessThanOrEqual", "'Percent' must be less than or equal to '100'." },
        { nameof(ValidateEverything.Amount), 0m, "GreaterThan", "'Amount' must be greater than '0'." },
        { nameof(ValidateEverything.Amount), 1.234m, "ScalePrecision", "'Amount' must not be more than 6 digits in total, with allowance for 2 decimals. 4 digits and 3 decimals were found." },
        { nameof(ValidateEverything.Amount), 12345.6m, "ScalePrecision", "'Amount' must not be more than 6 digits in total, with allowance for 2 decimals. 6 digits and 1 decimals were found." },
        { nameof(ValidateEverything.Remark), "  ", "Custom", "Say something about Remark" },
        { nameof(ValidateEverything.Nick), "admin", "NotEqual", "The nick 'admin' is reserved." },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_rule_refuses_with_its_code_and_message(string property, object? value, string code, string message)
    {
        var dto = Valid();
        typeof(ValidateEverything).GetProperty(property)!.SetValue(dto, value);
        using var client = host.CreateClient();
        var result = await client.ApiAsync(dto);
        Assert.Equal(400, result.StatusCode);
        var error = Assert.Single(result.FieldErrors);
        Assert.Equal(property, error.FieldName);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task All_failures_come_back_together()
    {
        using var client = host.CreateClient();
        var result = await client.ApiAsync(new ValidateEverything { Small = 50, Stars = 0, Email = "x", Remark = "" });
        Assert.Equal(["Required", "Items", "Small", "Stars", "Email", "Remark"], result.FieldErrors.Select(e => e.FieldName!));
        Assert.Equal("NotNull", result.ErrorCode);
        Assert.Equal("'Required' must not be empty.", result.ErrorMessage);
    }

    [Fact]
    public async Task Invalid_create_writes_nothing()
    {
        using var client = host.CreateClient("erin");
        var before = await CountDishesAsync("erin");
        var result = await client.ApiAsync(new CreateValidatedDish { Name = new string('n', 41), Price = -1 });
        Assert.Equal(["Name", "Price"], result.FieldErrors.Select(e => e.FieldName!));
        Assert.Equal(before, await CountDishesAsync("erin"));
        Assert.True((await client.ApiAsync(new CreateValidatedDish { Name = "Valid", Price = 9.99m })).Succeeded);
        Assert.Equal(before + 1, await CountDishesAsync("erin"));
    }

    [Fact]
    public async Task Rules_appear_in_the_metadata()
    {
        using var client = host.CreateClient();
        var metadata = await client.SendAsync<AppMetadata>("GET", "/metadata/app.json");
        var request = metadata.Api.Operations.Single(o => o.Request.Name == nameof(CreateValidatedDish)).Request;
        var name = request.Properties!.Single(p => p.Name == "Name");
        Assert.Contains(name.Attributes!, a => a.Name == "ValidateNotEmpty");
        var max = name.Attributes!.Single(a => a.Name == "ValidateMaximumLength");
        Assert.Equal("40", max.Args!.Single(a => a.Name == "Max").Value);
    }

    [Fact]
    public async Task Hand_written_service_extends_the_generated_query()
    {
        using var client = host.CreateClient();
        var response = await client.SendAsync(new QueryCheapBooks { Genre = BookGenre.Fiction });
        Assert.Equal(Seed.BookIds(b => b.Genre == BookGenre.Fiction && b.Price < 12), response.Results.Select(b => b.Id));
    }

    private async Task<long> CountDishesAsync(string tenant)
    {
        await using var db = await host.Factory.OpenAsync();
        return await db.CountAsync<Dish>(d => d.TenantId == tenant);
    }
}

public class SqliteValidationTests(SqliteAutoQueryFixture host) : ValidationTests<SqliteAutoQueryFixture>(host);

public class PostgreSqlValidationTests(PostgreSqlAutoQueryFixture host) : ValidationTests<PostgreSqlAutoQueryFixture>(host);
