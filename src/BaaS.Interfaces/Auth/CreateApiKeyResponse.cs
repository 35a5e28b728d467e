namespace BaaS;

/// <summary>The new API key. <see cref="Key"/> is shown only here: only its hash is stored.</summary>
public class CreateApiKeyResponse : IHasResponseStatus
{
    /// <summary>The key: send it as <c>Authorization: Bearer ak-...</c> or <c>X-Api-Key: ak-...</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The key as it will be listed.</summary>
    public ApiKeyInfo Result { get; set; } = new();

    /// <inheritdoc />
    public ResponseStatus? ResponseStatus { get; set; }
}
