namespace BaaS.Metadata;

/// <summary>One operation: its request and response types, verbs, routes, tags and who may call it.</summary>
public class MetadataOperationType
{
    /// <summary>The request DTO.</summary>
    public MetadataType Request { get; set; } = new();

    /// <summary>The response DTO, or null for <see cref="IReturnVoid"/>.</summary>
    public MetadataTypeName? Response { get; set; }

    /// <summary>The verbs the service implements (<c>ANY</c> for an <c>Any</c> method).</summary>
    public List<string> Actions { get; set; } = [];

    /// <summary>The verb clients send it with: the DTO's marker, else POST.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>True when the request answers no body (204).</summary>
    public bool ReturnsVoid { get; set; }

    /// <summary>The routes beside <c>/api/{Name}</c>.</summary>
    public List<MetadataRoute> Routes { get; set; } = [];

    /// <summary>The data model a generated (AutoQuery/CRUD) operation works on.</summary>
    public MetadataTypeName? DataModel { get; set; }

    /// <summary>True when callers must be signed in.</summary>
    public bool RequiresAuth { get; set; }

    /// <summary>True when callers must send an API key (<c>[ValidateApiKey]</c>).</summary>
    public bool? RequiresApiKey { get; set; }

    /// <summary>Scopes the API key must all have.</summary>
    public List<string>? RequiredApiKeyScopes { get; set; }

    /// <summary>Roles a caller must all have.</summary>
    public List<string>? RequiredRoles { get; set; }

    /// <summary>Permissions a caller must all have.</summary>
    public List<string>? RequiredPermissions { get; set; }

    /// <summary>The tags it is grouped under.</summary>
    public List<string>? Tags { get; set; }
}
