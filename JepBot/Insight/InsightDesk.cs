using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Insight;
using JepBot.Dialogs.Installations;
using JepBot.Dialogs.Localization;
using JepBot.Municipalities;
using Microsoft.Bot.Builder;

namespace JepBot.Insight;

/// <summary>
/// "inzicht &lt;code&gt;" (or "insight &lt;code&gt;") in a municipality's channel: the team's counts of the last complete
/// months as a card (docs/insight.md). Protected like "contactpunt": only with the settings code
/// (<c>Municipalities:SettingsCode</c>), only in a channel of a team JepBot is installed in, and only that team's own
/// counts. In a 1:1 chat the bare word gets a short explanation of what it is for.
/// </summary>
public sealed class InsightDesk(
    IInsightStore store,
    IInstallationStore installations,
    SettingsCodeGate gate,
    InsightCatalog catalog,
    Localizer localizer,
    TimeProvider clock,
    ILogger<InsightDesk> logger)
{
    /// <summary>How many complete months the card shows.</summary>
    public const int MonthsShown = 3;

    private static readonly string[] Commands = ["inzicht", "insight"];

    /// <summary>Handles the command; false means "not for this desk".</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = (activity.Text ?? "").Trim();
        var normalized = TextMatching.Normalize(text);
        var inChannel = activity.Conversation?.ConversationType == "channel";
        var command = Commands.FirstOrDefault(c => normalized == c || (inChannel && normalized.StartsWith(c + " ", StringComparison.Ordinal)));
        if (command is null)
        {
            // In a 1:1 chat only the bare word is ours: "insight into …" may be someone's answer to a question.
            return false;
        }

        var language = Languages.FromLocale(activity.Locale);
        string T(string key) => localizer.Get(language, key);
        var teamId = inChannel ? SettingsCodeGate.ChannelTeamId(activity) : null;
        if (teamId is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(T("insight.onlyInChannel")), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (!await gate.AllowsAsync(turnContext, teamId, text[command.Length..].Trim(), "Insight", cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (await installations.GetAsync(teamId, cancellationToken).ConfigureAwait(false) is not { } installation)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(T("insight.notInstalled")), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var months = InsightMonth.CompleteBefore(clock.GetUtcNow(), MonthsShown);
        var counts = await store.ReadAsync(teamId, months, cancellationToken).ConfigureAwait(false);
        var report = InsightReport.Build(months, counts, catalog, localizer, language);
        var card = InsightCard.Build(report, installation.TeamName, localizer, language);
        await turnContext.SendActivityAsync(AdaptiveCard.ToActivity(card, T("insight.title")), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Insight shown in team {TeamId}.", teamId);
        return true;
    }
}
