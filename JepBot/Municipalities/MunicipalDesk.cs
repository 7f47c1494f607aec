using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Installations;
using JepBot.Dialogs.Localization;
using JepBot.Bot;
using JepBot.Teams;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace JepBot.Municipalities;

/// <summary>
/// A municipality's team sets its own contact point in its channel: "contactpunt &lt;code&gt;" (the code from
/// configuration) answers with a form; the form's "Opslaan" carries a signature over the team and an expiry made
/// with that code, so only a form handed out after the right code can change anything, and only for that team.
/// </summary>
public sealed class MunicipalDesk(
    IInstallationStore installations,
    InstallationRecorder recorder,
    IOptions<MunicipalityOptions> options,
    SettingsCodeGate gate,
    Localizer localizer,
    ILogger<MunicipalDesk> logger,
    TimeProvider clock)
{
    private const string Command = "contactpunt";
    private const string DataProperty = "municipalContact";
    private static readonly TimeSpan FormLifetime = TimeSpan.FromHours(1);

    /// <summary>Handles the command and the form's submit; false means "not for this desk".</summary>
    public async Task<bool> TryHandleAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var language = Languages.FromLocale(activity.Locale);
        if (activity.Value is JObject value && value[DataProperty] is JObject signed)
        {
            await SaveAsync(turnContext, value, signed, language, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var text = (activity.Text ?? "").Trim();
        var normalized = TextMatching.Normalize(text);
        if (normalized != Command && !normalized.StartsWith(Command + " ", StringComparison.Ordinal))
        {
            return false;
        }

        await OfferFormAsync(turnContext, text[Command.Length..].Trim(), language, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task OfferFormAsync(ITurnContext turnContext, string code, string language, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var teamId = SettingsCodeGate.ChannelTeamId(turnContext.Activity);
        if (teamId is null)
        {
            await turnContext.SendActivityAsync(T("channel.onlyInChannel"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await gate.AllowsAsync(turnContext, teamId, code, "Contact point change", cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var expected = options.Value.SettingsCode!;
        var current = (await installations.GetAsync(teamId, cancellationToken).ConfigureAwait(false))?.Contact;
        var expires = clock.GetUtcNow().Add(FormLifetime).ToUnixTimeSeconds();
        await SendFormAsync(turnContext, Form(T, current, Signature(teamId, expires, expected), teamId, expires), cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveAsync(ITurnContext turnContext, JObject value, JObject signed, string language, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => localizer.Get(language, key, args);
        var teamId = SettingsCodeGate.ChannelTeamId(turnContext.Activity);
        var expected = options.Value.SettingsCode;
        var expires = signed["exp"] is JValue { Type: JTokenType.Integer } e ? (long)e : 0;
        var signature = signed["sig"] is JValue { Type: JTokenType.String } s ? (string)s! : "";
        if (teamId is null || string.IsNullOrEmpty(expected) || expires < clock.GetUtcNow().ToUnixTimeSeconds()
            || !SecretCode.Matches(signature, Signature(teamId, expires, expected)))
        {
            logger.LogWarning("Contact point form refused in conversation {ConversationId}: expired, forged or from another team.", turnContext.Activity.Conversation?.Id);
            await turnContext.SendActivityAsync(T("municipal.expired"), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var spec = Form(T, null, signature, teamId, expires);
        var recognition = new PromptRecognizer(localizer, language).Recognize(spec, TurnInput.From(null, value));
        if (!recognition.Accepted)
        {
            await SendFormAsync(turnContext, recognition.RetrySpec ?? spec, cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = (JObject)recognition.Answer!;
        string? Field(string id) => answer[id]?.ToString() is { Length: > 0 } v ? v : null;
        var contact = new MunicipalContact { Name = Field("name")!, Phone = Field("phone"), Email = Field("email"), Veiligheidshuis = Field("veiligheidshuis") };

        if (await installations.GetAsync(teamId, cancellationToken).ConfigureAwait(false) is null)
        {
            await recorder.AddedAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        }

        var installation = (await installations.GetAsync(teamId, cancellationToken).ConfigureAwait(false))!;
        installation.Contact = contact;
        installation.UpdatedUtc = clock.GetUtcNow();
        await installations.UpsertAsync(installation, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Contact point set for team {TeamId}.", teamId);
        var line = new ContentParagraphs(WerkwijzeContentLoader.Default, localizer, language).LocalContact(contact);
        await turnContext.SendActivityAsync(T("municipal.saved", line), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static PromptSpec Form(Func<string, object?[], string> t, MunicipalContact? current, string signature, string teamId, long expires)
    {
        string T(string key) => t(key, []);
        var spec = new PromptSpec
        {
            Step = "contact",
            Kind = PromptKind.Form,
            Text = T("municipal.form"),
            Detail = T("municipal.formDetail"),
            SubmitTitle = T("municipal.save"),
            ButtonData = new JObject { [DataProperty] = new JObject { ["team"] = teamId, ["exp"] = expires, ["sig"] = signature } },
            Fields =
            [
                new() { Id = "name", Kind = FormFieldKind.Text, Label = T("municipal.name"), Required = true, MaxLength = 150, Value = current?.Name },
                new() { Id = "phone", Kind = FormFieldKind.Text, Label = T("municipal.phone"), Validator = "phone-nl", MaxLength = 30, Value = current?.Phone },
                new() { Id = "email", Kind = FormFieldKind.Text, Label = T("municipal.email"), Validator = "email", MaxLength = 200, Value = current?.Email },
                new() { Id = "veiligheidshuis", Kind = FormFieldKind.Text, Label = T("municipal.veiligheidshuis"), MaxLength = 150, Value = current?.Veiligheidshuis },
            ],
        };
        spec.Fields.ForEach(f => f.RequiredMessage = T("validation.required"));
        return spec;
    }

    private static Task SendFormAsync(ITurnContext turnContext, PromptSpec spec, CancellationToken cancellationToken)
    {
        // Not a dialog card: the instance id only makes the card's ticket well-formed; the signature is what counts.
        var card = PromptCard.Build(spec, "municipal-contact", null);
        return turnContext.SendActivityAsync(AdaptiveCard.ToActivity(card, spec.Text), cancellationToken);
    }

    private static string Signature(string teamId, long expires, string code)
    {
        var message = Encoding.UTF8.GetBytes(teamId + "|" + expires.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(code), message));
    }
}
