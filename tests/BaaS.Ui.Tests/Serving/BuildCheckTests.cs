using System.Diagnostics;
using BaaS.Ui;

namespace BaaS.Ui.Tests;

/// <summary>
/// The assets BaaS.Ui embeds and serves are exactly what its source builds to: the test builds
/// src/BaaS.Ui/client (type check and Vite, from the locked packages that ./test.sh installs) into a folder of its own
/// and compares every file, by name and bytes, with the embedded ones. A change to the source without
/// <c>tools/build-ui.sh</c> fails here.
/// </summary>
public sealed class BuildCheckTests
{
    private static string Client => Path.Combine(Repo.Root, "src", "BaaS.Ui", "client");

    [Fact]
    public async Task The_embedded_assets_are_what_the_source_builds_to()
    {
        Assert.True(Directory.Exists(Path.Combine(Client, "node_modules", "vite")),
            $"The UI's npm packages are not installed: run `npm ci` in {Client} (./test.sh does).");
        var output = Path.Combine(Path.GetTempPath(), "baas-ui-build-" + Guid.NewGuid().ToString("N"));
        try
        {
            var info = new ProcessStartInfo("npm", "run build") { WorkingDirectory = Client, RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["BAAS_UI_OUT_DIR"] = output;
            using var npm = Process.Start(info)!;
            var stdout = npm.StandardOutput.ReadToEndAsync();
            var stderr = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            Assert.True(npm.ExitCode == 0, $"npm run build failed:\n{await stdout}\n{await stderr}");

            var built = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllBytes);
            var embedded = EmbeddedAssets.Load(typeof(AdminUiFeature).Assembly, "admin-ui/");
            Assert.Equal(built.Keys.Order(StringComparer.Ordinal), embedded.Paths.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in built)
            {
                Assert.True(embedded.TryGet(path, out var asset));
                Assert.True(bytes.AsSpan().SequenceEqual(asset.Content), $"{path} differs from the build: run tools/build-ui.sh and commit src/BaaS.Ui/wwwroot.");
            }
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
