using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Engine.State;
using JepBot.Storage;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Storage;

/// <summary>Stored state leaves out what a new object starts with, and reads back to the same object.</summary>
public sealed class CompactStateTests
{
    [Fact]
    public void Values_at_their_starting_value_are_left_out_and_changed_ones_are_kept()
    {
        var json = JObject.Parse(StateItemJson.ToJson(new PromptSpec { Step = "age", Text = "Hoe oud?", Choices = [new PromptChoice("a", "A")] }));

        Assert.Equal(["Step", "Text", "Choices"], json.Properties().Select(p => p.Name));
        Assert.Equal("""[{"Value":"a","Title":"A"}]""", json["Choices"]!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [Fact]
    public void A_value_that_differs_from_a_non_zero_initializer_survives_the_round_trip()
    {
        // Newtonsoft's own DefaultValueHandling would drop 0 here (the type's default) and read back 1000 and 1.
        var spec = new PromptSpec { MaxLength = 0, MinSelections = 0, SubmitTitle = "Verder", Detail = null, Optional = true };

        var back = ((JObject)StateItemJson.FromJson(StateItemJson.ToJson(spec), "e")).ToObject<PromptSpec>()!;

        Assert.Equal(0, back.MaxLength);
        Assert.Equal(0, back.MinSelections);
        Assert.True(back.Optional);
        Assert.Equal("Verder", back.SubmitTitle);
        Assert.Null(back.Detail);
    }

    [Fact]
    public void The_schema_number_is_always_written()
    {
        var json = JObject.Parse(StateItemJson.ToJson(new DialogStackState()));

        Assert.Equal(DialogStackState.CurrentSchema, (int)json["Schema"]!);
        Assert.Single(json.Properties());
    }

    [Fact]
    public void A_whole_dialog_stack_reads_back_equal_to_what_was_stored()
    {
        var state = new DialogStackState
        {
            Welcomed = true,
            Notes = { ["team"] = "19:abc" },
            RecentActivityIds = ["a1"],
            Stack =
            {
                new DialogInstance
                {
                    Id = "r1", DialogId = "werkwijze", Answers = { ["age"] = "16to17", ["signals"] = new JArray("ideology") },
                    History = [new StepVisit { Step = "age", Asked = true }, new StepVisit { Step = "age>", Input = "16to17" }],
                    Pending = new PromptSpec { Step = "signals", Kind = PromptKind.MultiChoice, Text = "Welke signalen?", Paragraphs = ["Uitleg"], MaxLength = 0 },
                },
            },
        };

        var stored = StateItemJson.ToJson(new Dictionary<string, object> { ["dialogStack"] = state, ["eTag"] = "x" });
        var back = ((JObject)StateItemJson.FromJson(stored, "x"))["dialogStack"]!.ToObject<DialogStackState>()!;

        Assert.DoesNotContain("eTag", stored, StringComparison.Ordinal);
        Assert.Equal(
            JObject.FromObject(state).ToString(Newtonsoft.Json.Formatting.None),
            JObject.FromObject(back).ToString(Newtonsoft.Json.Formatting.None));
        Assert.True(stored.Length < JObject.FromObject(state).ToString(Newtonsoft.Json.Formatting.None).Length);
    }
}
