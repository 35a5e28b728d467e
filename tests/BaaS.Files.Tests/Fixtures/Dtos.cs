namespace BaaS.Files.Tests.Fixtures;

#region snippet:files-dto
/// <summary>Creates a dish with its photo.</summary>
public class CreateDish : ICreateDb<Dish>, IReturn<IdResponse>
{
    public string Name { get; set; } = "";
    public string? Sku { get; set; }
    public int RestaurantId { get; set; }

    /// <summary>The dish's photo.</summary>
    [UploadTo("menu-photos")]
    public UploadedFile? Photo { get; set; }
}
#endregion

/// <summary>Changes a dish, its photo when one is sent.</summary>
public class PatchDish : IPatchDb<Dish>, IReturn<Dish>
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public int? RestaurantId { get; set; }

    [UploadTo("menu-photos")]
    public UploadedFile? Photo { get; set; }
}

/// <summary>Deletes a dish and its photo.</summary>
public class DeleteDish : IDeleteDb<Dish>, IReturnVoid
{
    public int Id { get; set; }
}

/// <summary>Dishes.</summary>
public class QueryDishes : QueryDb<Dish>
{
    public int? Id { get; set; }
}

/// <summary>Stores a private document through IFiles in a hand-written service.</summary>
public class UploadDocument : IReturn<UploadDocumentResponse>, IPost
{
    public string Folder { get; set; } = "";

    [UploadTo("docs")]
    public UploadedFile? File { get; set; }
}

public class UploadDocumentResponse
{
    public string Url { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string? OriginalName { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Receives a large file and answers how many bytes arrived, storing nothing: the streaming check.</summary>
public class CountBlob : IReturn<CountBlobResponse>, IPost
{
    [UploadTo("blobs")]
    public UploadedFile? Blob { get; set; }
}

public class CountBlobResponse
{
    public long Length { get; set; }
    public string? ContentType { get; set; }
    public ResponseStatus? ResponseStatus { get; set; }
}

/// <summary>Stores several private documents at once.</summary>
public class UploadDocuments : IReturn<UploadDocumentsResponse>, IPost
{
    public string Folder { get; set; } = "";

    [UploadTo("docs"), ValidateMaxItems(3)]
    public List<UploadedFile>? Files { get; set; }
}

public class UploadDocumentsResponse
{
    public List<string> Urls { get; set; } = [];
    public ResponseStatus? ResponseStatus { get; set; }
}
