using System.IO.Compression;
using System.Text;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// The one command that builds the Teams app zip (tools/apppackage/build-app-package.js): where it finds the app id,
/// what the zip holds, and that it refuses, writing nothing, without a valid id or with sources that fail the checks.
/// </summary>
public sealed class AppPackageBuildTests : IDisposable
{
    private const string OtherId = "0b7e2d41-9c3a-4f6e-8d15-6a2f4c8e1b90";
    private const string ThirdId = "e4d3c2b1-a0f9-4e8d-b7c6-5a4b3c2d1e0f";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "jepbot-tests", "apppackage-" + Guid.NewGuid().ToString("N"));

    public AppPackageBuildTests() => Directory.CreateDirectory(_directory);

    private string Zip => Path.Combine(_directory, "out", "jepbot-teams.zip");

    /// <summary>An appsettings.json of our own, so a developer's local MicrosoftAppId never decides a test.</summary>
    private string AppSettings(string microsoftAppId)
    {
        var path = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(path, new JObject { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = microsoftAppId }.ToString());
        return path;
    }

    private Task<(int ExitCode, string Output, string Errors)> BuildAsync(IEnumerable<string> arguments, string appSettingsId = "", IReadOnlyDictionary<string, string>? environment = null) =>
        AppPackageScripts.RunAsync("build-app-package.js", ["--out", Zip, "--appsettings", AppSettings(appSettingsId), .. arguments], environment: environment);

    private JObject ZippedManifest()
    {
        using var zip = ZipFile.OpenRead(Zip);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open(), Encoding.UTF8);
        return JObject.Parse(reader.ReadToEnd());
    }

    [Fact]
    public async Task With_an_app_id_it_writes_a_zip_of_exactly_the_package_files_at_the_root_with_the_id_filled_in()
    {
        var (exitCode, output, errors) = await BuildAsync(["--app-id", AppPackageSources.TestAppId]);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("jepbot-teams.zip", output);
        using var zip = ZipFile.OpenRead(Zip);
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var entry in zip.Entries)
        {
            using var stream = new MemoryStream();
            entry.Open().CopyTo(stream);
            var bytes = stream.ToArray();
            if (entry.FullName.EndsWith(".png", StringComparison.Ordinal))
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(AppPackageSources.Directory, entry.FullName)), bytes);
            }
            else
            {
                Assert.DoesNotContain("{{", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
        }

        var manifest = ZippedManifest();
        Assert.Equal(AppPackageSources.TestAppId, (string?)manifest["id"]);
        Assert.Equal(AppPackageSources.TestAppId, (string?)manifest.SelectToken("bots[0].botId"));
    }

    [Fact]
    public async Task The_zip_it_writes_passes_every_check()
    {
        await BuildAsync(["--app-id", AppPackageSources.TestAppId]);
        using var zip = ZipFile.OpenRead(Zip);
        var files = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = new MemoryStream();
            e.Open().CopyTo(stream);
            return stream.ToArray();
        });

        var result = await AppPackageCheck.CheckAsync(files);

        Assert.True(result.Problems.Count == 0, result.Describe());
    }

    [Fact]
    public async Task Without_app_id_argument_it_takes_MicrosoftAppId_from_the_environment()
    {
        var (exitCode, _, errors) = await BuildAsync([], environment: new Dictionary<string, string> { ["MicrosoftAppId"] = OtherId });

        Assert.True(exitCode == 0, errors);
        Assert.Equal(OtherId, (string?)ZippedManifest().SelectToken("bots[0].botId"));
    }

    [Fact]
    public async Task Without_argument_or_environment_it_takes_MicrosoftAppId_from_appsettings()
    {
        var (exitCode, output, errors) = await BuildAsync([], appSettingsId: ThirdId);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("appsettings.json", output);
        Assert.Equal(ThirdId, (string?)ZippedManifest().SelectToken("bots[0].botId"));
    }

    [Fact]
    public async Task The_argument_wins_over_the_environment_which_wins_over_appsettings_as_in_the_host()
    {
        var environment = new Dictionary<string, string> { ["MicrosoftAppId"] = OtherId };

        await BuildAsync(["--app-id", AppPackageSources.TestAppId], appSettingsId: ThirdId, environment: environment);
        Assert.Equal(AppPackageSources.TestAppId, (string?)ZippedManifest().SelectToken("bots[0].botId"));

        await BuildAsync([], appSettingsId: ThirdId, environment: environment);
        Assert.Equal(OtherId, (string?)ZippedManifest().SelectToken("bots[0].botId"));
    }

    [Fact]
    public async Task A_separate_Teams_app_id_goes_to_the_app_and_the_bot_keeps_its_own()
    {
        var (exitCode, _, errors) = await BuildAsync(["--app-id", AppPackageSources.TestAppId, "--teams-app-id", OtherId]);

        Assert.True(exitCode == 0, errors);
        var manifest = ZippedManifest();
        Assert.Equal(OtherId, (string?)manifest["id"]);
        Assert.Equal(AppPackageSources.TestAppId, (string?)manifest.SelectToken("bots[0].botId"));
    }

    [Fact]
    public async Task Without_any_app_id_it_refuses_says_where_to_set_one_and_writes_nothing()
    {
        var (exitCode, _, errors) = await BuildAsync([]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no MicrosoftAppId", errors);
        Assert.Contains("--app-id", errors);
        Assert.False(File.Exists(Zip));
    }

    [Theory]
    [InlineData("not-a-guid", "is not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is the empty GUID")]
    public async Task With_an_invalid_app_id_it_refuses_and_writes_nothing(string appId, string expected)
    {
        // A wrong value is an error even when appsettings.json has a good one: a typo must not pick another id.
        var (exitCode, _, errors) = await BuildAsync(["--app-id", appId], appSettingsId: ThirdId);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(expected, errors);
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Sources_that_fail_the_schema_are_refused_before_anything_is_zipped()
    {
        var source = Path.Combine(_directory, "source");
        Directory.CreateDirectory(source);
        foreach (var name in AppPackageSources.FileNames)
        {
            File.Copy(Path.Combine(AppPackageSources.Directory, name), Path.Combine(source, name));
        }

        var manifest = AppPackageSources.Manifest;
        manifest["botSettings"] = new JObject();
        File.WriteAllText(Path.Combine(source, "manifest.json"), manifest.ToString());

        var (exitCode, _, errors) = await BuildAsync(["--app-id", AppPackageSources.TestAppId, "--source", source]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("manifest.json: / must NOT have additional properties {\"additionalProperty\":\"botSettings\"}", errors);
        Assert.False(File.Exists(Zip));
        Assert.False(File.Exists(Zip + ".partial"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
