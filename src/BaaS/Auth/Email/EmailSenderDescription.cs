namespace BaaS;

/// <summary>
/// What a sender package says about itself for <c>plugins.email</c> (BaaS.Email.Smtp registers one): its kind and
/// whether messages go through the jobs queue.
/// </summary>
/// <param name="Sender">Its kind, e.g. <c>smtp</c>.</param>
/// <param name="Queued">Whether messages are queued on the jobs and sent in the background.</param>
public sealed record EmailSenderDescription(string Sender, bool Queued);
