using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Auth.Email;

/// <summary>
/// Shows how the app sends email in the metadata: <c>plugins.email = { sender, queued }</c>. <c>sender</c> is
/// <c>log</c> (the default: nothing is sent; in Development each message is written to the log), <c>smtp</c>
/// (BaaS.Email.Smtp), or <c>custom</c> with the registered sender's type name. Never the server, account or addresses.
/// </summary>
internal sealed class EmailFeature : BaaSFeature
{
    public override string Id => "email";

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        if (services.GetService<EmailSenderDescription>() is { } described)
            return new Dictionary<string, object?> { ["sender"] = described.Sender, ["queued"] = described.Queued };
        var sender = services.GetRequiredService<IEmailSender>();
        return sender is LogEmailSender log
            ? new Dictionary<string, object?> { ["sender"] = "log", ["queued"] = false, ["writesMessages"] = log.WritesMessages }
            : new Dictionary<string, object?> { ["sender"] = "custom", ["type"] = sender.GetType().Name, ["queued"] = false };
    }
}
