using JepBot.Bot;
using JepBot.Dialogs.Localization;
using JepBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace JepBot.Municipalities;

/// <summary>
/// The check every protected setting of a municipality's channel shares ("contactpunt", "kennisupdate", "inzicht"):
/// the code typed must be <c>Municipalities:SettingsCode</c>. A refusal is answered and logged here, the code typed
/// never (so a near miss cannot be read back from the log).
/// </summary>
public sealed class SettingsCodeGate(IOptions<MunicipalityOptions> options, Localizer localizer, ILogger<SettingsCodeGate> logger)
{
    /// <summary>The team of a channel conversation, or null anywhere else (1:1 and group chats have no team settings).</summary>
    public static string? ChannelTeamId(IActivity activity) =>
        activity.Conversation?.ConversationType == "channel" ? TeamsActivityFacts.TeamId(activity) : null;

    /// <summary>True when <paramref name="code"/> is the settings code; otherwise says why not and returns false.</summary>
    /// <param name="what">What was refused, for the log: "Contact point change", "Insight", …</param>
    public async Task<bool> AllowsAsync(ITurnContext turnContext, string teamId, string code, string what, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(turnContext.Activity.Locale);
        var expected = options.Value.SettingsCode;
        if (string.IsNullOrEmpty(expected))
        {
            logger.LogWarning("{What} refused in team {TeamId}: no settings code is configured.", what, teamId);
            await turnContext.SendActivityAsync(MessageFactory.Text(localizer.Get(language, "municipal.notConfigured")), cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!SecretCode.Matches(code, expected))
        {
            logger.LogWarning("{What} refused in team {TeamId}: wrong code.", what, teamId);
            await turnContext.SendActivityAsync(MessageFactory.Text(localizer.Get(language, "channel.wrongCode")), cancellationToken).ConfigureAwait(false);
            return false;
        }

        return true;
    }
}
