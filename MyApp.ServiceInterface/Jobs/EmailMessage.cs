namespace MyApp.ServiceInterface.Jobs;

/// <summary>An email: to whom, the subject and a plain-text body.</summary>
public sealed class EmailMessage
{
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}
