using System.Reflection;
using System.Text.RegularExpressions;
using JepBot.Bot;
using JepBot.Handoff;
using JepBot.Municipalities;
using JepBot.Storage;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Deployment;

/// <summary>
/// deploymentTemplates/azure/azuredeploy.json: the resources JepBot needs, parameters that are declared, used and
/// documented, and app settings that match what the app actually reads, so the template and the code cannot drift.
/// </summary>
public sealed partial class AzureTemplateTests
{
    private static readonly JObject Template = JObject.Parse(File.ReadAllText(RepositoryPaths.Combine("deploymentTemplates", "azure", "azuredeploy.json")));

    /// <summary>Settings the app reads that the template deliberately leaves alone, and why.</summary>
    private static readonly Dictionary<string, string> NotSetByTheTemplate = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:SqlitePath"] = "the template selects Azure storage (Storage:Provider = Azure)",
        ["Storage:Azure:ConnectionString"] = "the template reaches storage with the managed identity, not a key",
        ["Guard:DevelopmentChannels"] = "only read in Development",
        ["Municipalities:Contacts"] = "contact points come from the teams themselves or from a configuration file (docs/deployment.md)",
    };

    /// <summary>Read by the Bot Framework's ConfigurationBotFrameworkAuthentication, not through an options class.</summary>
    private static readonly string[] BotFrameworkSettings = ["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"];

    /// <summary>Every options class of the app: a class with a <c>const string Section</c> (found, not listed, so a new one cannot be forgotten).</summary>
    private static readonly (Type Type, string Section)[] OptionClasses =
    [
        .. typeof(StorageOptions).Assembly.GetTypes()
            .Select(t => (Type: t, Field: t.GetField("Section", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!))
            .OrderBy(x => x.Item2, StringComparer.Ordinal),
    ];

    [Fact]
    public void The_options_classes_are_found()
    {
        Assert.Equal(["Guard", "Handoff", "Municipalities", "Privacy", "Refresh", "Retention", "Storage", "Telemetry"], OptionClasses.Select(o => o.Section));
    }

    [Fact]
    public void The_template_creates_the_bot_with_teams_the_linux_app_on_dotnet_10_storage_and_the_identity()
    {
        var resources = Template["resources"]!.Select(r => (string)r["type"]!).ToList();
        Assert.Contains("Microsoft.BotService/botServices", resources);
        Assert.Contains("Microsoft.BotService/botServices/channels", resources);
        Assert.Contains("Microsoft.Web/serverfarms", resources);
        Assert.Contains("Microsoft.Web/sites", resources);
        Assert.Contains("Microsoft.Storage/storageAccounts", resources);
        Assert.Contains("Microsoft.Storage/storageAccounts/blobServices/containers", resources);
        Assert.Equal(3, resources.Count(r => r == "Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", resources);

        var teams = Template["resources"]!.Single(r => (string)r["type"]! == "Microsoft.BotService/botServices/channels");
        Assert.Equal("MsTeamsChannel", (string?)teams["properties"]!["channelName"]);
        var site = Template["resources"]!.Single(r => (string)r["type"]! == "Microsoft.Web/sites");
        Assert.Equal("DOTNETCORE|10.0", (string?)site["properties"]!["siteConfig"]!["linuxFxVersion"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        var plan = Template["resources"]!.Single(r => (string)r["type"]! == "Microsoft.Web/serverfarms");
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal(["SingleTenant", "UserAssignedMSI"], Template["parameters"]!["botIdentityType"]!["allowedValues"]!.Select(v => (string)v!).Order());
    }

    [Fact]
    public void Every_parameter_is_described_used_and_documented_and_every_reference_is_declared()
    {
        var text = Template.ToString();
        var docs = File.ReadAllText(RepositoryPaths.Combine("docs", "deployment.md"));
        var parameters = ((JObject)Template["parameters"]!).Properties().ToList();
        foreach (var parameter in parameters)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)parameter.Value["metadata"]?["description"]), $"parameter {parameter.Name} has no description");
            Assert.Contains($"parameters('{parameter.Name}')", text);
            Assert.Contains($"`{parameter.Name}`", docs);
        }

        var declaredParameters = parameters.Select(p => p.Name).ToHashSet();
        var declaredVariables = ((JObject)Template["variables"]!).Properties().Select(p => p.Name).ToHashSet();
        Assert.All(ParameterReference().Matches(text).Select(m => m.Groups[1].Value), p => Assert.Contains(p, declaredParameters));
        Assert.All(VariableReference().Matches(text).Select(m => m.Groups[1].Value), v => Assert.Contains(v, declaredVariables));
        Assert.True(declaredParameters.Where(p => ((string)Template["parameters"]![p]!["type"]!).StartsWith("secure", StringComparison.Ordinal))
            .All(p => !Template["outputs"]!.ToString().Contains($"parameters('{p}')", StringComparison.Ordinal)), "a secret is exposed as an output");
    }

    [Fact]
    public void Every_setting_the_app_reads_is_set_by_the_template_and_the_template_sets_nothing_else()
    {
        var read = SettingsTheAppReads();
        var set = SettingsTheTemplateSets();

        var missing = read.Where(k => !set.Contains(k) && !NotSetByTheTemplate.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "settings the app reads but the template does not set: " + string.Join(", ", missing));
        var unknown = set.Where(k => !read.Contains(k) && k != "ASPNETCORE_ENVIRONMENT").ToList();
        Assert.True(unknown.Count == 0, "settings the template sets but the app never reads: " + string.Join(", ", unknown));
        Assert.All(NotSetByTheTemplate.Keys, k => Assert.Contains(k, read));
    }

    [Fact]
    public void The_settings_check_notices_a_setting_the_template_forgot()
    {
        var set = SettingsTheTemplateSets();
        set.Remove("Handoff:RegistrationCode");
        Assert.Contains("Handoff:RegistrationCode", SettingsTheAppReads().Where(k => !set.Contains(k) && !NotSetByTheTemplate.ContainsKey(k)));
    }

    /// <summary>Every leaf of the options classes bound from configuration, as "Section:Property:Sub", plus the Bot Framework's own.</summary>
    private static HashSet<string> SettingsTheAppReads()
    {
        var keys = new HashSet<string>(BotFrameworkSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var (type, section) in OptionClasses)
        {
            AddLeaves(type, section, keys);
        }

        return keys;
    }

    private static void AddLeaves(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            var key = prefix + ":" + property.Name;
            var propertyType = property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Namespace?.StartsWith("JepBot", StringComparison.Ordinal) == true)
            {
                AddLeaves(propertyType, key, keys);
            }
            else
            {
                keys.Add(key);
            }
        }
    }

    /// <summary>The app settings of the site: the fixed list, and the tenant allow-list built by a copy loop.</summary>
    private static HashSet<string> SettingsTheTemplateSets()
    {
        var keys = Template["variables"]!["baseSettings"]!.Select(s => ((string)s["name"]!).Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var loop = Template["variables"]!["tenantSettings"]!["copy"]![0]!["input"]!["name"]!.ToString();
        if (loop.Contains("Guard__AllowedTenants__", StringComparison.Ordinal))
        {
            keys.Add("Guard:AllowedTenants");
        }

        return keys;
    }

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
