using System.Xml.Linq;
using BaaS.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BaaS.Auth.Hosting;

/// <summary>
/// ASP.NET Core's data-protection key ring in the app's database (<c>baas_data_protection_key</c>), so tokens one
/// node protects (email confirmation, password reset, OAuth state) the others can read. The interface is
/// synchronous; it is called when the ring is loaded or a key is made, not per request.
/// </summary>
internal sealed class DbXmlRepository(IDbConnectionFactory dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.Open();
        return [.. db.Select<BaaSDataProtectionKey>().OrderBy(k => k.Id).Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.Open();
        db.Insert(new BaaSDataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
