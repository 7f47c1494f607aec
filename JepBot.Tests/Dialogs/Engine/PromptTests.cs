using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Flows.Language;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Engine;

/// <summary>Multi-choice and form prompts: what they accept, what they refuse, and how a refused form comes back.</summary>
public sealed class PromptTests
{
    private static readonly PromptChoice[] Groups = [new("teachers", "Docenten"), new("youthwork", "Jongerenwerkers"), new("care", "Jeugdhulp")];

    private static DialogHarness FormHarness()
    {
        var dialogs = new DialogSet()
            .Add(new LanguageDialog())
            .Add(new WaterfallDialog("form")
                .AddStep("groups", (s, _) => Task.FromResult(s.AskMultiChoice("Welke groepen?", Groups, minSelections: 2)))
                .AddStep("details", (s, _) => Task.FromResult(s.AskForm("Vul in", [
                    new FormField { Id = "email", Kind = FormFieldKind.Text, Label = "E-mail", Required = true, Validator = "email" },
                    new FormField { Id = "phone", Kind = FormFieldKind.Text, Label = "Telefoon", Validator = "phone-nl" },
                    new FormField { Id = "count", Kind = FormFieldKind.Number, Label = "Aantal", Required = true, Min = 1, Max = 15 },
                    new FormField { Id = "place", Kind = FormFieldKind.Choice, Label = "Plaats", Required = true, Choices = [new("in", "Incompany"), new("out", "Met ketenpartners")] },
                    new FormField { Id = "remark", Kind = FormFieldKind.Text, Label = "Opmerking", MaxLength = 10 },
                    new FormField { Id = "ok", Kind = FormFieldKind.Toggle, Label = "Akkoord" },
                ])))
                .AddStep("show", async (s, ct) =>
                {
                    await s.SendTextAsync("Groepen " + s.Answer<JArray>("groups")!.ToString(Newtonsoft.Json.Formatting.None) + " formulier " + s.InputAs<JObject>()!.ToString(Newtonsoft.Json.Formatting.None), ct);
                    return s.End();
                }));
        return new DialogHarness((c, u) => DialogHarness.CreateRunner(dialogs, "form", c, u));
    }

    [Theory]
    [InlineData("1 en 3", "[\"teachers\",\"care\"]")]
    [InlineData("jeugdhulp, docenten", "[\"teachers\",\"care\"]")]
    [InlineData("Docenten; Jongerenwerkers; jeugdhulp", "[\"teachers\",\"youthwork\",\"care\"]")]
    public async Task Multi_choice_accepts_typed_lists_and_keeps_the_offered_order(string typed, string expected)
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");

        var replies = await harness.SayAsync(typed);

        Assert.Contains("Vul in", replies[^1].AllText);
        Assert.Equal(expected, (await harness.ReadStackAsync()).Active!.Answers["groups"].ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public async Task Multi_choice_refuses_too_few_and_unknown_options()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");

        Assert.Contains("minstens 2", (await harness.SayAsync("docenten"))[0].AllText);
        Assert.Contains("herken ik niet", (await harness.SayAsync("docenten en piloten"))[0].AllText);
        Assert.Contains("herken ik niet", (await harness.SubmitInputsAsync("Verder", new JObject { ["choices"] = "teachers,pilots" }))[0].AllText);
    }

    [Fact]
    public async Task Valid_form_returns_all_fields_typed()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SubmitInputsAsync("Verder", new JObject { ["choices"] = "care,teachers" });

        var replies = await harness.SubmitInputsAsync("Verder", new JObject
        {
            ["email"] = "a@b.nl", ["phone"] = "+31 6 1234 5678", ["count"] = "15", ["place"] = "out", ["remark"] = "", ["ok"] = "true", ["unknown"] = "ignored",
        });

        Assert.Equal(
            "Groepen [\"teachers\",\"care\"] formulier {\"email\":\"a@b.nl\",\"phone\":\"0612345678\",\"count\":15,\"place\":\"out\",\"remark\":\"\",\"ok\":true}",
            replies[0].Text);
    }

    [Fact]
    public async Task Invalid_form_comes_back_with_what_was_entered_and_a_reason_per_field()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SayAsync("1,2");

        var replies = await harness.SubmitInputsAsync("Verder", new JObject
        {
            ["email"] = "niet-goed", ["phone"] = "12345", ["count"] = "16", ["place"] = "elders", ["remark"] = "veel te lange opmerking",
        });

        var reply = Assert.Single(replies);
        Assert.Contains("Niet alles is goed ingevuld", reply.AllText);
        Assert.Contains("geen geldig e-mailadres", reply.AllText);
        Assert.Contains("geen geldig Nederlands telefoonnummer", reply.AllText);
        Assert.Contains("van 1 tot en met 15", reply.AllText);
        Assert.Contains("Kies een van de opties", reply.AllText);
        Assert.Contains("maximaal 10 tekens", reply.AllText);
        var inputs = reply.Card!.SelectTokens("$..[?(@.id)]").ToDictionary(t => t["id"]!.ToString(), t => t["value"]?.ToString());
        Assert.Equal("niet-goed", inputs["email"]);
        Assert.Equal("12345", inputs["phone"]);
        Assert.Equal("details", (await harness.ReadStackAsync()).Active!.Pending!.Step);
    }

    [Fact]
    public async Task Missing_required_fields_are_named()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SayAsync("1,2");

        var reply = (await harness.SubmitInputsAsync("Verder", new JObject()))[0];

        Assert.Equal(3, CountOccurrences(reply.AllText, "Dit veld is verplicht."));
    }

    [Fact]
    public async Task Typing_while_a_form_is_open_points_to_the_form()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SayAsync("1,2");

        var reply = (await harness.SayAsync("a@b.nl"))[0];

        Assert.Contains("Vul het formulier hieronder in", reply.AllText);
    }

    [Theory]
    [InlineData("{\"email\":{\"nested\":true},\"count\":\"5\",\"place\":\"in\"}")]
    [InlineData("{\"email\":[\"a@b.nl\"],\"count\":\"5\",\"place\":\"in\"}")]
    public async Task Wrong_types_in_form_data_are_refused_not_crashed_on(string inputs)
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SayAsync("1,2");

        var reply = (await harness.SubmitInputsAsync("Verder", JObject.Parse(inputs)))[0];

        Assert.Contains("Niet alles is goed ingevuld", reply.AllText);
    }

    [Fact]
    public async Task Oversized_strings_in_card_data_are_refused()
    {
        var harness = FormHarness();
        await harness.SayAsync("hoi");
        await harness.SayAsync("1,2");

        var reply = (await harness.SubmitInputsAsync("Verder", new JObject { ["email"] = new string('a', 100_000) + "@b.nl", ["count"] = "5", ["place"] = "in" }))[0];

        Assert.Contains("te lang", reply.AllText);
        Assert.True(reply.Card!.ToString().Length < 20_000, "The refused value must not be echoed back in full.");
    }

    [Theory]
    [InlineData("0612345678", true)]
    [InlineData("06-12345678", true)]
    [InlineData("020 123 4567", true)]
    [InlineData("+31 20 123 4567", true)]
    [InlineData("0031612345678", true)]
    [InlineData("12345", false)]
    [InlineData("06123456789", false)]
    [InlineData("0012345678", false)]
    public void Dutch_phone_numbers(string input, bool valid) => Assert.Equal(valid, Validators.Validate("phone-nl", input).IsValid);

    [Theory]
    [InlineData("naam@organisatie.nl", true)]
    [InlineData("a.b-c@gemeente.amsterdam", true)]
    [InlineData("naam@", false)]
    [InlineData("naam organisatie.nl", false)]
    [InlineData("a@b", false)]
    public void Email_addresses(string input, bool valid) => Assert.Equal(valid, Validators.Validate("email", input).IsValid);

    [Fact]
    public void Unknown_validator_fails_loudly() => Assert.Throws<InvalidOperationException>(() => Validators.Validate("no-such-validator", "x"));

    private static int CountOccurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
