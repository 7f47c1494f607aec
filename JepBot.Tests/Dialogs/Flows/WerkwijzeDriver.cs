using JepBot.Dialogs;
using JepBot.Dialogs.Content;
using JepBot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// Walks the Werkwijze conversation by option ids, as a user clicking the cards would: single choices by their
/// button (or the list and "Verder" when there are many), checklists by ticking options and "Verder".
/// </summary>
public sealed class WerkwijzeDriver
{
    public static readonly DateOnly Today = new(2026, 11, 24);

    public WerkwijzeDriver(string locale = "nl-NL", IStorage? storage = null, JepBot.Dialogs.Insight.IInsightRecorder? insight = null)
    {
        Harness = new DialogHarness((c, u) => new JepConversation(c, u, today: () => Today, insight: insight).Runner, storage, locale);
    }

    /// <summary>Answers the cards of a conversation someone else set up (the practice tests).</summary>
    public WerkwijzeDriver(DialogHarness harness) => Harness = harness;

    public static WerkwijzeContent Content => WerkwijzeContentLoader.Default;

    public DialogHarness Harness { get; }

    /// <summary>Opens the menu and chooses "Ik maak me zorgen"; returns the first step's replies.</summary>
    public async Task<IReadOnlyList<BotReply>> StartAsync()
    {
        await Harness.SayAsync("hallo");
        return await Harness.ClickAsync(Harness.LastCard!.Buttons[0]);
    }

    /// <summary>Answers the open card with these option ids (one for a choice, any number for a checklist).</summary>
    public Task<IReadOnlyList<BotReply>> ChooseAsync(params string[] optionIds)
    {
        var card = Harness.LastCard ?? throw new InvalidOperationException("No card to answer.");
        var ticket = card.Card!.SelectTokens("$..actions[*].data.jep").OfType<JObject>().First(t => t["c"] is null);
        var multi = card.Card.SelectTokens("$..body[?(@.type == 'Input.ChoiceSet')]").Any(t => (bool?)t["isMultiSelect"] == true);
        var data = new JObject { ["jep"] = ticket.DeepClone() };
        if (multi)
        {
            data["choices"] = string.Join(",", optionIds);
        }
        else
        {
            data["choice"] = optionIds.Single();
        }

        return Harness.SubmitAsync(data);
    }

    public Task<IReadOnlyList<BotReply>> SayAsync(string text) => Harness.SayAsync(text);

    /// <summary>The id of the content step whose question is open.</summary>
    public async Task<string?> OpenStepAsync() => (await Harness.ReadStackAsync()).Active?.Pending?.Step;

    /// <summary>Walks a path given as "step=option" or "step=a+b" (checklist) or "step=text", checking each step is the one expected.</summary>
    public async Task<IReadOnlyList<BotReply>> WalkAsync(IEnumerable<string> path)
    {
        IReadOnlyList<BotReply> replies = [];
        foreach (var move in path)
        {
            var (step, answer) = (move[..move.IndexOf('=')], move[(move.IndexOf('=') + 1)..]);
            Assert.True(await OpenStepAsync() == step, $"expected step '{step}' to be open before '{move}', but it was '{await OpenStepAsync()}'");
            replies = Content.FindStep(step)!.Kind == StepKinds.Text ? await SayAsync(answer) : await ChooseAsync(answer.Split('+'));
        }

        return replies;
    }
}
