using System.Globalization;
using JepBot.Dialogs.Cards.Templating;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Localization;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Cards;

/// <summary>
/// One legal frame or topic as a card (template <c>legal-frame</c>): summary, sections, contact points, the advice to
/// check with a jurist when the content is uncertain, review date and disclaimer, and its sources: one line each that
/// opens the source (Action.OpenUrl), so long titles wrap instead of being cut off on buttons.
/// </summary>
public static class LegalFrameCard
{
    public static JObject Build(LegalFramesContent content, LegalItem item, Localizer localizer, string language)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var sources = item.Sources.Select(id => content.Sources[id]).ToList();
        var reviewed = DateOnly.ParseExact(item.Reviewed!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            .ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == Languages.English ? "en-GB" : "nl-NL"));
        var title = item.Title.In(language);
        return CardTemplates.Expand("legal-frame", new
        {
            fallbackText = title + ": " + item.Summary.In(language),
            title,
            summary = item.Summary.In(language),
            sections = item.Sections.Select(s => new { heading = s.Heading.In(language), text = s.Text.In(language) }),
            contacts = item.Contacts.Select(c => new { name = c.Name.In(language), details = ContactDetails(c, language, T) }),
            uncertain = item.Uncertain,
            uncertainAdvice = T("werkwijze.checkWithJurist"),
            reviewedAndDisclaimer = T("legal.reviewed", reviewed) + " " + content.Disclaimer.In(language),
            sourcesLabel = T("legal.sources"),
            sources = sources.Select(s => new { title = s.Title.In(language), url = s.Url }),
        });
    }

    private static string ContactDetails(LegalContact contact, string language, Func<string, object?[], string> t)
    {
        var parts = new List<string> { contact.When.In(language) };
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            parts.Add(t("werkwijze.contact.phone", [contact.Phone]));
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            parts.Add(t("werkwijze.contact.email", [contact.Email]));
        }

        if (!string.IsNullOrWhiteSpace(contact.Url))
        {
            parts.Add($"[{t("werkwijze.contact.website", [])}]({contact.Url})");
        }

        return string.Join(" · ", parts);
    }
}
