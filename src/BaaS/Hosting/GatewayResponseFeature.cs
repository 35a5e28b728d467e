using Microsoft.AspNetCore.Http.Features;

namespace BaaS.Hosting;

/// <summary>
/// The response side of an in-process call: nothing is sent anywhere, but what a service registers to run when the
/// response completes (closing its database connection, say) is kept and run when the call ends.
/// </summary>
internal sealed class GatewayResponseFeature : HttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _completed = [];

    public override void OnCompleted(Func<object, Task> callback, object state) => _completed.Add((callback, state));

    public override void OnStarting(Func<object, Task> callback, object state) { }

    public async Task CompleteAsync()
    {
        // Like ASP.NET Core: the last registered runs first.
        for (var i = _completed.Count - 1; i >= 0; i--)
            await _completed[i].Callback(_completed[i].State).ConfigureAwait(false);
        _completed.Clear();
    }
}
