using BaaS.Auth.Tests.Fixtures;
using BaaS.Auth.Tests.Infrastructure;

namespace BaaS.Auth.Tests.Suites;

[Collection(SqliteCollection.Name)]
public class SmokeTests(SqliteAuthHost host)
{
    [Fact]
    public async Task Register_sign_in_and_call()
    {
        var user = await host.SignUpAsync();
        var me = await user.Client.SendAsync(new MembersOnly());
        Assert.Equal(user.UserName, me.UserName);
        Assert.Equal(["Customer"], me.Roles);
    }
}
