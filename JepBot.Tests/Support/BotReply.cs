using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Support;

/// <summary>One message the bot sent, read the way a person would: its text, the text on its card, its buttons.</summary>
public sealed class BotReply(IActivity activity)
{
    public IMessageActivity Activity { get; } = activity.AsMessageActivity();

    public string? Text => Activity.Text;

    public JObject? Card => Activity.Attachments?.FirstOrDefault(a => a.ContentType == "application/vnd.microsoft.card.adaptive")?.Content switch
    {
        JObject o => o,
        null => null,
        var other => JObject.FromObject(other),
    };

    /// <summary>All text a user sees: the message text and every TextBlock and input label on the card.</summary>
    public string AllText => string.Join("\n", new[] { Text ?? "" }.Concat(CardTexts()));

    public IReadOnlyList<string> Buttons => Card?.SelectTokens("$..actions[*].title").Select(t => t.ToString()).ToList() ?? [];

    /// <summary>The data of the button with this title.</summary>
    public JObject ButtonData(string title) =>
        Card?.SelectTokens("$..actions[*]").OfType<JObject>().FirstOrDefault(a => a["title"]?.ToString() == title)?["data"] as JObject
        ?? throw new InvalidOperationException($"No button '{title}' on this reply. Buttons: {string.Join(", ", Buttons)}");

    /// <summary>
    /// A copy of the data the card's own submit action sends (the question's answer, the form's inputs): the first
    /// action whose data carries no command ("jep.c"), as opposed to command buttons such as "terug" or "help".
    /// </summary>
    public JObject SubmitData() =>
        (JObject)(Card?.SelectTokens("$..actions[*].data").OfType<JObject>().FirstOrDefault(d => d["jep"]?["c"] is null)
            ?? throw new InvalidOperationException($"No submit action on this reply. Buttons: {string.Join(", ", Buttons)}")).DeepClone();

    /// <summary>The card's question answered in one field ("choice" = "no", "choices" = "a,b", "text" = …), as Teams would submit it.</summary>
    public JObject Answer(string field, string value)
    {
        var data = SubmitData();
        data.Remove("choice");
        data[field] = value;
        return data;
    }

    /// <summary>The card's form submitted with these inputs (the card's own data kept, inputs merged over it).</summary>
    public JObject Filled(JObject inputs)
    {
        var data = SubmitData();
        data.Merge(inputs);
        return data;
    }

    public bool Contains(string text) => AllText.Contains(text, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => AllText;

    private IEnumerable<string> CardTexts() =>
        Card?.SelectTokens("$..text").Concat(Card.SelectTokens("$..label")).Concat(Card.SelectTokens("$..choices[*].title"))
            .Concat(Card.SelectTokens("$..facts[*].title")).Concat(Card.SelectTokens("$..facts[*].value"))
            .Select(t => t.ToString()) ?? [];
}
