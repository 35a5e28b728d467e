using BaaS.DataAnnotations;

namespace BaaS.Auth.Tests.Fixtures;

/// <summary>A row that belongs to the user who wrote it.</summary>
public class OwnedNote
{
    [AutoIncrement]
    public int Id { get; set; }
    [Index]
    public Guid OwnerId { get; set; }
    public string Text { get; set; } = "";
}

[ValidateIsAuthenticated, AutoPopulate(nameof(OwnedNote.OwnerId), Eval = "userAuthId")]
public class CreateOwnedNote : ICreateDb<OwnedNote>, IReturn<IdResponse>
{
    public string Text { get; set; } = "";
}

[ValidateIsAuthenticated, ApiKeyScope("orders:read"), AutoFilter(nameof(OwnedNote.OwnerId), Eval = "userAuthId")]
public class QueryOwnedNotes : QueryDb<OwnedNote>
{
    public int? Id { get; set; }
    public Guid? OwnerId { get; set; }
}

/// <summary>The same rows with the filters ORed: the ownership filter must hold anyway.</summary>
[ValidateIsAuthenticated, AutoFilter(nameof(OwnedNote.OwnerId), Eval = "userAuthId"), QueryDb(QueryTerm.Or)]
public class QueryOwnedNotesEither : QueryDb<OwnedNote>
{
    public int? Id { get; set; }
    public string? TextContains { get; set; }
}

[ValidateIsAuthenticated, AutoFilter(nameof(OwnedNote.OwnerId), Eval = "userAuthId")]
public class PatchOwnedNote : IPatchDb<OwnedNote>, IReturn<IdResponse>
{
    public int Id { get; set; }
    public string? Text { get; set; }
}

[ValidateIsAuthenticated, AutoFilter(nameof(OwnedNote.OwnerId), Eval = "userAuthId")]
public class DeleteOwnedNote : IDeleteDb<OwnedNote>, IReturnVoid
{
    public int Id { get; set; }
}
