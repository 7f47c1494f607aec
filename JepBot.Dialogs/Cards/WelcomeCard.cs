using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>Where the welcome is shown: a 1:1 chat, or a team channel where no concern should be discussed.</summary>
public enum WelcomeAudience
{
    Personal,
    Team,
}

/// <summary>The first card a user or team sees after installing JepBot.</summary>
public static class WelcomeCard
{
    public static JObject Build(Localizer localizer, string language, WelcomeAudience audience)
    {
        string T(string key) => localizer.Get(language, key);
        var start = audience == WelcomeAudience.Team ? T("welcome.team.start") : T("welcome.personal.start");
        var buttons = audience == WelcomeAudience.Team
            ? [(T("welcome.button.help"), "help")]
            : new[] { (T("welcome.button.start"), "menu"), (T("welcome.button.help"), "help") };
        return InfoCard.Build(T("welcome.title"), [T("welcome.intro"), T("welcome.privacy"), T("welcome.acute"), start], buttons);
    }
}
