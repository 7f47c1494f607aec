using JepBot.Dialogs.Cards.Templating;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Cards;

/// <summary>
/// The card templates: the C# binder gives exactly what Microsoft's templating engine gives for every template and
/// sample; every expanded sample renders cleanly; unsupported template features fail when loading, not when sending.
/// </summary>
public sealed class CardTemplateTests
{
    private static IEnumerable<(string Name, JObject Template, JToken Data)> AllSamples() =>
        CardTemplates.Names.SelectMany(name => CardTemplates.Samples(name).Select((data, i) => ($"{name} sample {i + 1}", CardTemplates.Get(name).Template, data)));

    [Fact]
    public void Every_template_has_samples_and_declares_schema_1_5_full_width_and_a_fallback_text()
    {
        Assert.NotEmpty(CardTemplates.Names);
        foreach (var name in CardTemplates.Names)
        {
            var template = CardTemplates.Get(name).Template;
            Assert.Equal("1.5", (string?)template["version"]);
            Assert.Equal("Full", (string?)template["msteams"]?["width"]);
            Assert.Equal("${fallbackText}", (string?)template["fallbackText"]);
            Assert.NotEmpty(CardTemplates.Samples(name));
        }
    }

    [Fact]
    public async Task The_binder_matches_the_official_templating_engine_on_every_template_and_sample()
    {
        var samples = AllSamples().ToList();

        var official = await OfficialTemplating.ExpandAsync(samples);

        foreach (var (name, template, data) in samples)
        {
            var ours = CardTemplates.Get(name[..name.IndexOf(" sample", StringComparison.Ordinal)]).Expand(data);
            Assert.True(JToken.DeepEquals(official[name], ours), $"{name} differs.\nofficial: {official[name]}\nours: {ours}");
        }
    }

    [Fact]
    public async Task Every_template_sample_renders_without_problems()
    {
        var cards = AllSamples().Select(s => (s.Name, CardTemplates.Get(s.Name[..s.Name.IndexOf(" sample", StringComparison.Ordinal)]).Expand(s.Data))).ToList();

        var results = await AdaptiveCardRenderer.CheckAsync(cards);

        var failures = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}: {string.Join("; ", r.Value)}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("${count(items)}", "functions")]
    [InlineData("${a + 1}", "not supported")]
    [InlineData("${a ? b : c}", "not supported")]
    [InlineData("${items[first]}", "number indexes")]
    [InlineData("${'open}", "not closed")]
    public void Unsupported_expressions_fail_when_the_template_is_loaded(string text, string reason)
    {
        var template = new JObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = text }) };

        var error = Assert.Throws<TemplateException>(() => new CardTemplate("broken", template));

        Assert.Contains(reason, error.Message);
        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public void Missing_data_is_an_error_not_a_card_with_a_placeholder()
    {
        var template = new CardTemplate("t", new JObject { ["type"] = "AdaptiveCard", ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = "Hallo ${name}" }) });

        var error = Assert.Throws<TemplateException>(() => template.Expand(new JObject()));

        Assert.Contains("name", error.Message);
    }

    [Fact]
    public void Data_repeats_elements_when_drops_them_and_a_lone_expression_keeps_its_type()
    {
        var template = new CardTemplate("t", JObject.Parse("""
            { "body": [
                { "$data": "${rows}", "$when": "${show}", "type": "TextBlock", "text": "${$index}: ${label} (${$root.suffix})", "wrap": "${show}" }
            ], "data": "${payload}", "count": "${n}" }
            """));

        var card = template.Expand(JObject.Parse("""{ "suffix": "x", "n": 3, "payload": { "a": [1] }, "rows": [ { "label": "een", "show": true }, { "label": "twee", "show": false }, { "label": "drie", "show": true } ] }"""));

        Assert.Equal(["0: een (x)", "2: drie (x)"], card["body"]!.Select(b => (string)b["text"]!));
        Assert.Equal(JTokenType.Boolean, card["body"]![0]!["wrap"]!.Type);
        Assert.Equal(3, (int)card["count"]!);
        Assert.Equal(JObject.Parse("""{ "a": [1] }"""), card["data"]);
        Assert.Null(card["body"]![0]!["$data"]);
    }
}
