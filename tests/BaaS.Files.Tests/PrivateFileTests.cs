using System.Net;
using BaaS.Files.Tests.Fixtures;

namespace BaaS.Files.Tests;

/// <summary>A location read by owners only: the owner reads, others do not, and a signed URL works until it expires.</summary>
public abstract class PrivateFileTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : FilesFixture
{
    [Fact]
    public async Task The_owner_reads_a_private_file_others_do_not_and_a_signed_url_works_until_it_expires()
    {
        using var owner = fixture.CreateClient(FilesFixture.Owner);
        var stored = await owner.SendAsync(new UploadDocument { Folder = "private", File = UploadedFile.FromBytes("notes.txt", "secret notes"u8.ToArray()) });

        using var asOwner = fixture.Server.CreateHttp(FilesFixture.Owner);
        using var read = await asOwner.GetAsync(stored.Url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("secret notes", await read.Content.ReadAsStringAsync());
        Assert.True(read.Headers.CacheControl?.Private);

        using var asOther = fixture.Server.CreateHttp(FilesFixture.OtherOwner);
        Assert.Equal(HttpStatusCode.Forbidden, (await asOther.GetAsync(stored.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Http.GetAsync(stored.Url)).StatusCode);

        // Another user cannot get a signed URL of it either, nor learn that it exists.
        using var other = fixture.CreateClient(FilesFixture.OtherOwner);
        Assert.Equal(404, (await other.ApiAsync(new SignFileUrl { Url = stored.Url })).StatusCode);

        #region snippet:files-sign
        var signed = await owner.SendAsync(new SignFileUrl { Url = stored.Url, ExpiresInSeconds = 600 });
        // signed.Url: /files/docs/private/....txt?expires=...&signature=... works without signing in for 10 minutes
        #endregion
        using var anonymous = await fixture.Http.GetAsync(signed.Url);
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("secret notes", await anonymous.Content.ReadAsStringAsync());

        // Bound to the path: the same signature on another file does nothing.
        var elsewhere = await owner.SendAsync(new UploadDocument { Folder = "private", File = UploadedFile.FromBytes("other.txt", "other"u8.ToArray()) });
        var query = signed.Url[signed.Url.IndexOf('?')..];
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.GetAsync(elsewhere.Url + query)).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromSeconds(601));
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Http.GetAsync(signed.Url)).StatusCode);
    }
}

public class SqliteLocalPrivateFileTests(SqliteLocalFilesFixture fixture) : PrivateFileTests<SqliteLocalFilesFixture>(fixture);

public class PostgresS3PrivateFileTests(PostgresS3FilesFixture fixture) : PrivateFileTests<PostgresS3FilesFixture>(fixture);
