using BaaS.Data;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Files.Images;

/// <summary>Queues <see cref="MakeImageVariantsCommand"/> in the row's transaction (BaaS.Jobs, straight or through its outbox).</summary>
internal sealed class JobsFileVariantScheduler(IOptions<ImageVariantOptions> options) : IFileVariantScheduler
{
    /// <summary>The job's RefId: one job per stored image (<c>file-variants:menu-photos/restaurants/1/x.png</c>).</summary>
    public static string RefIdOf(FileVariantRequest request) => $"file-variants:{request.Location}/{request.Path}";

    public Task ScheduleAsync(IServiceProvider services, DataConnection db, FileVariantRequest request, CancellationToken cancellationToken) =>
        services.GetRequiredService<IBackgroundJobs>().InTransaction(db).EnqueueCommandAsync<MakeImageVariantsCommand>(request,
            new JobOptions { Tag = "file-variants", RefId = RefIdOf(request), RetryLimit = options.Value.RetryLimit }, cancellationToken);
}
