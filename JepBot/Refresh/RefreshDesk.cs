using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Localization;
using JepBot.Municipalities;
using JepBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace JepBot.Refresh;

/// <summary>
/// The knowledge refresh in a municipality's channel: "kennisupdate" tells whether it is on; "kennisupdate aan
/// &lt;code&gt; [maandelijks|wekelijks]" and "kennisupdate uit &lt;code&gt;" switch it, with the same settings code as
/// the contact point (Municipalities:SettingsCode); the card's button opens a 1:1 chat where the item continues.
/// English: "refresh", "on"/"off", "monthly"/"weekly".
/// </summary>
public sealed class RefreshDesk(
    IRefreshScheduleStore store,
    PrivateChatOpener privateChats,
    SettingsCodeGate gate,
    IOptions<RefreshOptions> options,
    Localizer localizer,
    TimeProvider clock,
    ILogger<RefreshDesk> logger)
{
    private static readonly string[] Commands = ["kennisupdate", "refresh"];
    private const int MaxStartLength = 100;

    /// <summary>Handles the command and the card's button; false means "not for this desk".</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        // The button only exists on channel posts; the same data sent in a 1:1 chat is left to the conversation there.
        if (activity.Value is JObject value && value[KnowledgeRefreshCard.DataProperty] is JObject data && activity.Conversation?.ConversationType is "channel" or "groupChat")
        {
            var start = data[KnowledgeRefreshCard.StartProperty] is JValue { Type: JTokenType.String } s ? ((string)s!).Trim() : "";
            var opened = start.Length is > 0 and <= MaxStartLength && activity.From?.Id is { Length: > 0 }
                && await privateChats.OpenAsync(turnContext, start, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(T(opened ? "channel.movedToPrivate" : "channel.privateFailed"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        var words = TextMatching.Normalize(activity.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !Commands.Contains(words[0]))
        {
            return false;
        }

        var teamId = SettingsCodeGate.ChannelTeamId(activity);
        if (teamId is null)
        {
            await turnContext.SendActivityAsync(T("channel.onlyInChannel"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (words.Length == 1)
        {
            await turnContext.SendActivityAsync(await StatusAsync(teamId, language, cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        bool? on = words[1] switch { "aan" or "on" => true, "uit" or "off" => false, _ => null };
        if (on is null)
        {
            await turnContext.SendActivityAsync(T("refresh.usage"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        // The code as typed (Normalize lower-cases it), taken from the original text.
        var typed = (activity.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!await gate.AllowsAsync(turnContext, teamId, typed.Length > 2 ? typed[2] : "", "Knowledge refresh change", cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        RefreshFrequency? frequency = words.Length > 3 ? words[3] switch
        {
            "maandelijks" or "monthly" or "maand" => RefreshFrequency.Monthly,
            "wekelijks" or "weekly" or "week" => RefreshFrequency.Weekly,
            _ => null,
        } : RefreshFrequency.Monthly;
        if (on == true && frequency is null)
        {
            await turnContext.SendActivityAsync(T("refresh.usage"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        var saved = await SaveAsync(teamId, turnContext, on.Value, frequency ?? RefreshFrequency.Monthly, language, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Knowledge refresh switched {State} for team {TeamId}.", on.Value ? "on" : "off", teamId);
        await turnContext.SendActivityAsync(Describe(saved, language), cancellationToken: cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<RefreshSchedule> SaveAsync(string teamId, ITurnContext turnContext, bool on, RefreshFrequency frequency, string language, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var (saved, _) = await store.ChangeAsync(teamId, stored =>
        {
            var schedule = stored ?? new RefreshSchedule { TeamId = teamId };
            schedule.Enabled = on;
            if (on)
            {
                // Posts go to the channel the command was typed in, in the language of whoever switched it on.
                schedule.Frequency = frequency;
                schedule.ChannelConversationId = ChannelOf(activity.Conversation.Id);
                schedule.ServiceUrl = activity.ServiceUrl;
                schedule.TenantId = TeamsActivityFacts.TenantId(activity);
                schedule.Language = language;
            }

            schedule.UpdatedUtc = clock.GetUtcNow();
            return schedule;
        }, cancellationToken).ConfigureAwait(false);
        return saved ?? throw new InvalidOperationException($"The refresh schedule of team {teamId} kept changing while it was saved.");
    }

    private async Task<string> StatusAsync(string teamId, string language, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
        return current is { Schedule.Enabled: true } ? Describe(current.Schedule, language) : localizer.Get(language, "refresh.off");
    }

    private string Describe(RefreshSchedule schedule, string language)
    {
        if (!schedule.Enabled)
        {
            return localizer.Get(language, "refresh.off");
        }

        var when = localizer.Get(language, schedule.Frequency == RefreshFrequency.Weekly ? "refresh.weekly" : "refresh.monthly", options.Value.DayOfMonth, options.Value.Hour);
        return localizer.Get(language, "refresh.on", when);
    }

    /// <summary>A channel conversation id as Teams sends it in a reply thread ends in ";messageid=…": the channel is what comes before.</summary>
    private static string ChannelOf(string conversationId)
    {
        var cut = conversationId.IndexOf(';', StringComparison.Ordinal);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
