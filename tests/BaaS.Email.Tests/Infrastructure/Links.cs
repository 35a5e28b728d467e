using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace BaaS.Email.Tests;

/// <summary>The link in a received auth email, and its parts.</summary>
public static partial class Links
{
    /// <summary>The one http(s) link in the text body.</summary>
    public static string In(ReceivedEmail email) => Assert.Single(LinkPattern().Matches(email.Message.TextBody ?? "")).Value;

    /// <summary>The <c>userId</c> and <c>token</c> of the link.</summary>
    public static (string UserId, string Token) Parts(string link)
    {
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        return (query["userId"]!, query["token"]!);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
