using System.Globalization;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Localization;

namespace JepBot.Dialogs.Flows.Werkwijze;

/// <summary>
/// Turns content (a step's body, the legal frame, the consent rule, contacts, sources) into card paragraphs in
/// the user's language. Anything flagged uncertain gets the advice to check it with the organisation's jurist.
/// </summary>
public sealed class ContentParagraphs(WerkwijzeContent content, Localizer localizer, string language)
{
    private string T(string key, params object?[] args) => localizer.Get(language, key, args);

    /// <param name="localContact">The professional's own municipality's contact point, shown after the general municipal contact.</param>
    public List<string> ForStep(ContentStep step, IReadOnlyDictionary<string, string> chosenOptions, Installations.MunicipalContact? localContact = null)
    {
        var paragraphs = step.Body.Select(b => b.In(language)).ToList();
        foreach (var insert in step.Insert)
        {
            switch (insert)
            {
                case "consentRule" when AgeBandFor(chosenOptions) is { } band:
                    paragraphs.Add($"**{T("werkwijze.consentRule")}** {band.Consent.In(language)}");
                    paragraphs.AddRange(Provenance(band));
                    break;
                case "legalFrame" when FrameFor(chosenOptions) is { } frame:
                    paragraphs.AddRange(Frame(frame));
                    break;
            }
        }

        foreach (var contactId in step.Contacts)
        {
            paragraphs.AddRange(Contact(content.Contacts[contactId]));
            if (contactId == "municipality" && localContact is not null)
            {
                paragraphs.Add(T("werkwijze.localContact", LocalContact(localContact)));
            }
        }

        paragraphs.AddRange(Provenance(step));
        paragraphs.Add(T("werkwijze.disclaimer"));
        return paragraphs;
    }

    public IEnumerable<string> Frame(LegalFrame frame)
    {
        yield return $"**{frame.Title.In(language)}**";
        yield return $"**{T("werkwijze.frame.secrecy")}** {frame.Secrecy.In(language)}";
        yield return $"**{T("werkwijze.frame.basis")}** {frame.Basis.In(language)}";
        yield return $"**{T("werkwijze.frame.withoutConsent")}** {frame.WithoutConsent.In(language)}";
        yield return $"**{T("werkwijze.frame.particulars")}** {frame.Particulars.In(language)}";
        foreach (var line in Provenance(frame))
        {
            yield return line;
        }
    }

    /// <summary>A municipality's own contact point on one line: name · phone · e-mail · Veiligheidshuis.</summary>
    public string LocalContact(Installations.MunicipalContact contact)
    {
        var parts = new List<string> { contact.Name };
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            parts.Add(T("werkwijze.contact.phone", contact.Phone));
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            parts.Add(T("werkwijze.contact.email", contact.Email));
        }

        if (!string.IsNullOrWhiteSpace(contact.Veiligheidshuis))
        {
            parts.Add(T("municipal.veiligheidshuisLine", contact.Veiligheidshuis));
        }

        return string.Join(" · ", parts);
    }

    public IEnumerable<string> Contact(ContentContact contact)
    {
        var parts = new List<string> { $"**{contact.Name.In(language)}**: {contact.When.In(language)}" };
        if (!string.IsNullOrWhiteSpace(contact.Phone))
        {
            parts.Add(T("werkwijze.contact.phone", contact.Phone));
        }

        if (!string.IsNullOrWhiteSpace(contact.Email))
        {
            parts.Add(T("werkwijze.contact.email", contact.Email));
        }

        if (!string.IsNullOrWhiteSpace(contact.Url))
        {
            parts.Add($"[{T("werkwijze.contact.website")}]({contact.Url})");
        }

        yield return string.Join(" · ", parts);
        if (contact.Uncertain)
        {
            yield return T("werkwijze.checkWithJurist");
        }
    }

    /// <summary>The sources with links and the review date, and the jurist advice when the item is uncertain.</summary>
    public IEnumerable<string> Provenance(ISourced item)
    {
        if (item.Uncertain)
        {
            yield return T("werkwijze.checkWithJurist");
        }

        var links = item.Sources.Select(id => content.Sources[id]).Select(s => $"[{s.Title.In(language)}]({s.Url})");
        var reviewed = DateOnly.ParseExact(item.Reviewed!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            .ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == Languages.English ? "en-GB" : "nl-NL"));
        yield return T("werkwijze.sources", string.Join(" · ", links), reviewed);
    }

    private AgeBand? AgeBandFor(IReadOnlyDictionary<string, string> chosenOptions) =>
        chosenOptions.Values.Select(v => content.AgeBands.GetValueOrDefault(v)).FirstOrDefault(b => b is not null);

    private LegalFrame? FrameFor(IReadOnlyDictionary<string, string> chosenOptions)
    {
        foreach (var step in content.Steps.Where(s => s.Options.Any(o => o.Frame is not null)))
        {
            if (chosenOptions.TryGetValue(step.Id, out var optionId)
                && step.Options.FirstOrDefault(o => o.Id == optionId)?.Frame is { } frameId)
            {
                return content.Frames[frameId];
            }
        }

        return null;
    }
}
