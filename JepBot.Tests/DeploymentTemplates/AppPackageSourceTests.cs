using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.DeploymentTemplates;

/// <summary>
/// The Teams app package sources (deploymentTemplates/appPackage): valid against the official schemas that
/// @microsoft/app-manifest ships, Dutch first with a complete English localisation, the bot's scopes and commands,
/// icons within Teams' rules. The checks run in tools/apppackage, the same code the build runs before it zips.
/// </summary>
public sealed class AppPackageSourceTests
{
    private static readonly string[] CommandTitles = ["help", "zorg", "juridische kaders", "werkatelier", "adviseur", "oefenen"];
    private static readonly string[] EnglishCommandTitles = ["help", "worried", "legal frames", "workshop", "advisor", "practice"];

    [Fact]
    public void Manifest_is_on_the_newest_released_schema_version_the_package_ships()
    {
        var schemas = Path.Combine(AppPackageScripts.ToolDirectory, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
        var newest = Directory.GetDirectories(schemas)
            .Select(Path.GetFileName)
            .Where(name => name is not null && System.Text.RegularExpressions.Regex.IsMatch(name, @"^v1\.\d+$"))
            .Select(name => name![1..])
            .OrderBy(version => int.Parse(version.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture))
            .Last();
        var manifest = AppPackageSources.Manifest;

        Assert.Equal(newest, (string?)manifest["manifestVersion"]);
        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{newest}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal($"https://developer.microsoft.com/en-us/json-schemas/teams/v{newest}/MicrosoftTeams.Localization.schema.json", (string?)AppPackageSources.English["$schema"]);
    }

    [Fact]
    public async Task Manifest_with_its_ids_filled_in_is_valid_against_the_official_schema_of_its_version()
    {
        var result = await AppPackageCheck.CheckAsync(AppPackageSources.Filled());

        Assert.Equal("1.30", result.ManifestVersion);
        Assert.True(result.ProblemsOf("manifest.json").Count == 0, result.Describe());
    }

    [Fact]
    public async Task English_localization_is_valid_against_the_official_localization_schema_and_translates_every_text()
    {
        var result = await AppPackageCheck.CheckAsync(AppPackageSources.Filled());

        Assert.True(result.ProblemsOf("en.json").Count == 0, result.Describe());
    }

    [Fact]
    public async Task The_whole_package_passes_every_check()
    {
        var result = await AppPackageCheck.CheckAsync(AppPackageSources.Filled());

        Assert.True(result.Problems.Count == 0, result.Describe());
    }

    [Fact]
    public void Sources_carry_exactly_the_two_id_placeholders_and_nothing_else_to_fill_in()
    {
        var manifest = AppPackageSources.Manifest;

        Assert.Equal(["TeamsAppId", "MicrosoftAppId"], AppPackageSources.Placeholders(AppPackageSources.Text("manifest.json")));
        Assert.Equal("{{TeamsAppId}}", (string?)manifest["id"]);
        Assert.Equal("{{MicrosoftAppId}}", (string?)manifest.SelectToken("bots[0].botId"));
        Assert.Empty(AppPackageSources.Placeholders(AppPackageSources.Text("en.json")));
    }

    [Fact]
    public async Task Unfilled_sources_are_refused_by_name_of_the_placeholder()
    {
        var files = AppPackageSources.FileNames.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(AppPackageSources.Directory, n)));

        var result = await AppPackageCheck.CheckAsync(files);

        Assert.Contains("placeholder {{TeamsAppId}} is not filled in", result.ProblemsOf("manifest.json"));
        Assert.Contains("placeholder {{MicrosoftAppId}} is not filled in", result.ProblemsOf("manifest.json"));
    }

    [Fact]
    public void Dutch_is_the_default_language_and_English_the_additional_one()
    {
        var manifest = AppPackageSources.Manifest;

        Assert.Equal("nl-nl", (string?)manifest.SelectToken("localizationInfo.defaultLanguageTag"));
        var additional = Assert.Single((JArray)manifest.SelectToken("localizationInfo.additionalLanguages")!);
        Assert.Equal("en", (string?)additional["languageTag"]);
        Assert.Equal("en.json", (string?)additional["file"]);
    }

    [Fact]
    public void Names_and_descriptions_say_plainly_what_JepBot_does_and_what_it_never_asks()
    {
        var manifest = AppPackageSources.Manifest;
        var full = (string)manifest.SelectToken("description.full")!;

        Assert.Equal("JepBot", (string?)manifest.SelectToken("name.short"));
        Assert.Equal("Informatie delen bij zorgen over radicalisering", (string?)manifest.SelectToken("description.short"));
        Assert.Contains("Werkwijze informatie delen bij mogelijke radicalisering", full);
        Assert.Contains("Platform JEP", full);
        Assert.Contains("ESS", full);
        Assert.Contains("juridische kaders", full);
        Assert.Contains("adviseurs", full);
        Assert.Contains("vraagt nooit naar gegevens waarmee de jongere herkenbaar is", full);
        Assert.Contains("never asks for details that identify the young person", (string)AppPackageSources.English["description.full"]!);
        Assert.Equal("Platform JEP / ESS", (string?)manifest.SelectToken("developer.name"));
        Assert.Equal("https://www.platformjep.nl", (string?)manifest.SelectToken("developer.websiteUrl"));
    }

    [Fact]
    public void Bot_converses_in_personal_team_and_group_chat_with_the_same_six_commands_in_each()
    {
        var bot = (JObject)AppPackageSources.Manifest.SelectToken("bots[0]")!;
        var english = AppPackageSources.English;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.Select(s => (string)s!));
        Assert.False((bool)bot["supportsFiles"]!);
        Assert.False((bool)bot["isNotificationOnly"]!);
        var lists = (JArray)bot["commandLists"]!;
        Assert.Equal(["personal", "team", "groupChat"], lists.Select(l => (string)Assert.Single(l["scopes"]!)!));
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = (JArray)lists[list]["commands"]!;
            Assert.Equal(CommandTitles, commands.Select(c => (string)c["title"]!));
            Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace((string?)c["description"])));
            Assert.Equal(EnglishCommandTitles, Enumerable.Range(0, commands.Count).Select(c => (string)english[$"bots[0].commandLists[{list}].commands[{c}].title"]!));
        }
    }

    [Fact]
    public void Icons_are_192_and_32_pixels_square_by_their_PNG_header()
    {
        Assert.Equal((192, 192), PngHeader.Size(File.ReadAllBytes(Path.Combine(AppPackageSources.Directory, "color.png"))));
        Assert.Equal((32, 32), PngHeader.Size(File.ReadAllBytes(Path.Combine(AppPackageSources.Directory, "outline.png"))));
        Assert.Equal("color.png", (string?)AppPackageSources.Manifest.SelectToken("icons.color"));
        Assert.Equal("outline.png", (string?)AppPackageSources.Manifest.SelectToken("icons.outline"));
    }

    [Fact]
    public async Task Outline_icon_is_white_on_transparent_and_the_color_icon_a_full_square()
    {
        var result = await AppPackageCheck.CheckAsync(AppPackageSources.Filled());
        var outline = result.Icons["outline.png"];
        var color = result.Icons["color.png"];

        Assert.Equal(0, (int)outline["other"]!);
        Assert.True((int)outline["white"]! > 0, "the outline icon draws nothing");
        Assert.True((int)outline["transparent"]! > 0, "the outline icon has no transparent background");
        Assert.Equal(32 * 32, (int)outline["white"]! + (int)outline["transparent"]!);
        Assert.Equal(0, (int)color["transparent"]! + (int)color["partlyTransparent"]!);
        Assert.Empty(result.ProblemsOf("outline.png"));
        Assert.Empty(result.ProblemsOf("color.png"));
    }

    [Fact]
    public async Task Icons_are_exactly_what_draw_icons_draws()
    {
        var (exitCode, _, errors) = await AppPackageScripts.RunAsync("draw-icons.js", ["--verify", AppPackageSources.Directory]);

        Assert.True(exitCode == 0, errors);
    }

    public static TheoryData<string, string> BrokenManifests() => new()
    {
        { "unknown property", "/ must NOT have additional properties {\"additionalProperty\":\"botSettings\"}" },
        { "missing developer", "/ must have required property 'developer' {\"missingProperty\":\"developer\"}" },
        { "unknown bot property", "/bots/0 must NOT have additional properties {\"additionalProperty\":\"supportsFile\"}" },
        { "bot id not a GUID", "/bots/0/botId must match pattern" },
        { "short name too long", "/name/short must NOT have more than 30 characters {\"limit\":30}" },
        { "fourth command list", "/bots/0/commandLists must NOT have more than 3 items {\"limit\":3}" },
        { "schema of another version", "\"$schema\" must be https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json" },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public async Task A_broken_manifest_is_rejected_by_the_schema_check(string breakage, string expected)
    {
        var files = AppPackageSources.FilledWith("manifest.json", manifest =>
        {
            switch (breakage)
            {
                case "unknown property": manifest["botSettings"] = new JObject(); break;
                case "missing developer": manifest.Remove("developer"); break;
                case "unknown bot property": manifest["bots"]![0]!["supportsFile"] = false; break;
                case "bot id not a GUID": manifest["bots"]![0]!["botId"] = "jepbot"; break;
                case "short name too long": manifest["name"]!["short"] = "JepBot, de gids voor informatie delen"; break;
                case "fourth command list": ((JArray)manifest["bots"]![0]!["commandLists"]!).Add(manifest["bots"]![0]!["commandLists"]![0]!.DeepClone()); break;
                case "schema of another version": manifest["$schema"] = "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json"; break;
                default: throw new ArgumentOutOfRangeException(nameof(breakage));
            }
        });

        var result = await AppPackageCheck.CheckAsync(files);

        Assert.Contains(result.ProblemsOf("manifest.json"), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> BrokenLocalizations() => new()
    {
        { "unknown key", "/ must NOT have additional properties {\"additionalProperty\":\"name.nickname\"}" },
        { "short description too long", "/description.short must NOT have more than 80 characters {\"limit\":80}" },
        { "missing required name", "/ must have required property 'name.short'" },
        { "command that does not exist", "\"bots[0].commandLists[0].commands[7].title\" names no text in manifest.json" },
        { "command left in Dutch", "no translation for \"bots[0].commandLists[1].commands[2].title\" (\"juridische kaders\")" },
    };

    [Theory]
    [MemberData(nameof(BrokenLocalizations))]
    public async Task A_broken_English_localization_is_rejected(string breakage, string expected)
    {
        var files = AppPackageSources.FilledWith("en.json", english =>
        {
            switch (breakage)
            {
                case "unknown key": english["name.nickname"] = "Jep"; break;
                case "short description too long": english["description.short"] = new string('x', 81); break;
                case "missing required name": english.Remove("name.short"); break;
                case "command that does not exist": english["bots[0].commandLists[0].commands[7].title"] = "extra"; break;
                case "command left in Dutch": english.Remove("bots[0].commandLists[1].commands[2].title"); break;
                default: throw new ArgumentOutOfRangeException(nameof(breakage));
            }
        });

        var result = await AppPackageCheck.CheckAsync(files);

        Assert.Contains(result.ProblemsOf("en.json"), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_color_icon_in_the_place_of_the_outline_icon_is_rejected()
    {
        var files = AppPackageSources.Filled();
        files["outline.png"] = files["color.png"];

        var problems = (await AppPackageCheck.CheckAsync(files)).ProblemsOf("outline.png");

        Assert.Contains("is 192×192, the outline icon must be 32×32", problems);
        Assert.Contains(problems, p => p.Contains("pixels that are neither transparent nor white, e.g. (0,0) rgba(27,94,126,255)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_icon_and_a_stray_file_are_rejected()
    {
        var files = AppPackageSources.Filled();
        files.Remove("color.png");
        files["notes.txt"] = "let op"u8.ToArray();

        var result = await AppPackageCheck.CheckAsync(files);

        Assert.Contains("is referred to by manifest.json (color) but missing", result.ProblemsOf("color.png"));
        Assert.Contains("is not referred to by manifest.json", result.ProblemsOf("notes.txt"));
    }
}
