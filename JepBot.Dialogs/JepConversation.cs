using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Engine;
using JepBot.Dialogs.Engine.State;
using JepBot.Dialogs.Flows;
using JepBot.Dialogs.Flows.About;
using JepBot.Dialogs.Flows.Advisor;
using JepBot.Dialogs.Flows.Language;
using JepBot.Dialogs.Flows.LegalFrames;
using JepBot.Dialogs.Flows.Menu;
using JepBot.Dialogs.Flows.Practice;
using JepBot.Dialogs.Flows.Werkatelier;
using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Installations;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;

namespace JepBot.Dialogs;

/// <summary>
/// The conversation as the host sees it: welcome a new chat or team, and run a user's message or card click
/// through the dialogs. Composes the dialog set and the menu; knows nothing of HTTP or of the store behind the state.
/// </summary>
public sealed class JepConversation
{
    /// <summary>The built features, in menu order. A feature appears here only once its dialog exists.</summary>
    private static readonly MenuEntry[] CoreEntries =
    [
        new("concern", "menu.werkwijze", WerkwijzeDialog.DialogId, "zorg", "zorgen", "ik maak me zorgen", "werkwijze", "concern", "worried", "im worried"),
        new("legal", "menu.legal", LegalFramesDialog.DialogId, "juridisch", "regels", "beroepsgeheim", "legal", "rules"),
        new("practice", "menu.practice", PracticeDialog.DialogId, PracticeDialog.Words),
    ];

    /// <summary>Handoffs: offered only when the host provides a store and an outbox for them.</summary>
    private static readonly MenuEntry[] HandoffEntries =
    [
        new("advisor", "menu.advisor", AdvisorContactDialog.DialogId, "adviseur", "advies", "advisor", "contact"),
        new("werkatelier", "menu.werkatelier", WerkatelierDialog.DialogId, "werkatelier", "workshop", "training"),
    ];

    private static readonly MenuEntry[] TailEntries =
    [
        new("about", "menu.about", AboutDialog.DialogId, "over", "about", "info"),
        new("language", "menu.language", DialogRunner.LanguageDialogId, "taal", "language"),
    ];

    private readonly Localizer _localizer;
    private readonly HandoffSubmission? _submission;

    public JepConversation(
        ConversationState conversationState,
        UserState userState,
        Localizer? localizer = null,
        WerkwijzeContent? content = null,
        Func<DateOnly>? today = null,
        LegalFramesContent? legalFrames = null,
        IHandoffStore? handoffStore = null,
        IDeliveryTrigger? deliveryTrigger = null,
        IMunicipalContacts? municipalContacts = null,
        Insight.IInsightRecorder? insight = null,
        PracticeCasesContent? practiceCases = null,
        Flows.Privacy.PrivacyTerms? privacy = null)
    {
        _localizer = localizer ?? Localizer.Default;
        content ??= WerkwijzeContentLoader.Default;
        practiceCases ??= PracticeCasesValidator.Default;
        StackAccessor = new JsonStateProperty<DialogStackState>(conversationState, "dialogStack");
        var preferences = new JsonStateProperty<UserPreferences>(userState, "preferences");
        var withHandoff = handoffStore is not null && deliveryTrigger is not null;
        MenuEntries = [.. CoreEntries, .. withHandoff ? HandoffEntries : [], .. TailEntries];
        var followUp = withHandoff ? new WerkwijzeFollowUp(HandoffContent.Default.Werkatelier.OfferAfterWerkwijzeTo.ToHashSet(StringComparer.Ordinal)) : null;
        var dialogs = new DialogSet()
            .Add(new MenuDialog(MenuEntries))
            .Add(new WerkwijzeDialog(content, _localizer, today, followUp, municipalContacts, practiceCases) { InsightRecorder = insight })
            .Add(new AcuteDialog(content, _localizer))
            .Add(new LegalFramesDialog(legalFrames ?? LegalFramesValidator.Default, _localizer) { InsightRecorder = insight })
            .Add(new PracticeDialog(practiceCases, content, legalFrames ?? LegalFramesValidator.Default, _localizer))
            .Add(new AboutDialog())
            .Add(new Flows.Privacy.EraseMyDataDialog(withHandoff ? handoffStore : null))
            .Add(new Flows.Privacy.PrivacyDialog(privacy ?? Flows.Privacy.PrivacyTerms.Default, withHandoff))
            .Add(new LanguageDialog());
        if (followUp is not null)
        {
            dialogs.Add(new WerkwijzeFollowUpDialog(followUp));
            var submission = _submission = new HandoffSubmission(handoffStore!, deliveryTrigger!, insight);
            dialogs.Add(new WerkatelierDialog(HandoffContent.Default, submission, _localizer))
                .Add(new AdvisorContactDialog(HandoffContent.Default, submission, content, _localizer));
        }

        Runner = new DialogRunner(dialogs, MenuDialog.DialogId, StackAccessor, preferences, _localizer)
            .AddCommandDialog(AcuteDialog.DialogId, AcuteDialog.Words)
            .AddCommandDialog(Flows.Privacy.EraseMyDataDialog.DialogId, Flows.Privacy.EraseMyDataDialog.Words)
            .AddCommandDialog(Flows.Privacy.PrivacyDialog.DialogId, Flows.Privacy.PrivacyDialog.Words)
            .AddCommandDialog(LegalFramesDialog.DialogId, LegalFramesDialog.Words);
        foreach (var entry in MenuEntries.Where(e => e.DialogId != DialogRunner.LanguageDialogId))
        {
            Runner.AddStartWords(entry.DialogId, [.. entry.Synonyms, .. Languages.All.Select(l => _localizer.Get(l, entry.TitleKey))]);
        }

        // "oefenen <case-id>" starts that case directly (also from a channel card's button); see docs/practice.md.
        Runner.AddStartCommand(PracticeDialog.DialogId, PracticeDialog.OptionsFor(practiceCases), PracticeDialog.Words);
    }

    /// <summary>The note with the team a 1:1 chat was opened from (a team id: no personal data).</summary>
    public const string TeamNote = WerkwijzeDialog.TeamNote;

    /// <summary>The menu as offered in this host.</summary>
    private MenuEntry[] MenuEntries { get; }

    public DialogRunner Runner { get; }

    /// <summary>The dialog stack property; the host's error handler deletes it to recover from a broken turn.</summary>
    public IStatePropertyAccessor<DialogStackState> StackAccessor { get; }

    public Localizer Localizer => _localizer;

    public async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        // A repeated "Versturen" for a request stored already: confirm it again (also when Teams redelivers the click).
        if (_submission is not null && await _submission.TryConfirmAgainAsync(Runner, turnContext, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await Runner.RunTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the welcome card once per conversation, however many install and member events arrive.</summary>
    /// <returns>True when the card was sent now.</returns>
    public async Task<bool> WelcomeAsync(ITurnContext turnContext, WelcomeAudience audience, CancellationToken cancellationToken)
    {
        var (turn, _) = await Runner.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (turn.State.Welcomed)
        {
            return false;
        }

        turn.State.Welcomed = true;
        var card = WelcomeCard.Build(_localizer, turn.Language, audience);
        await turnContext.SendActivityAsync(AdaptiveCard.ToActivity(card, _localizer.Get(turn.Language, "welcome.title")), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The start of a 1:1 chat the bot opened after a mention in a channel: the welcome the first time, then the
    /// feature they named ("zorg", "adviseur"), or else the open question or the menu.
    /// </summary>
    /// <param name="teamId">The team they came from, kept so the Werkwijze can show that team's contact point.</param>
    public async Task StartPrivateAsync(ITurnContext turnContext, string? featureName, string? teamId, CancellationToken cancellationToken)
    {
        var welcomed = await WelcomeAsync(turnContext, WelcomeAudience.Personal, cancellationToken).ConfigureAwait(false);
        var (turn, _) = await Runner.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (teamId is { Length: > 0 and <= 200 })
        {
            turn.State.Notes[TeamNote] = teamId;
        }

        if (welcomed && turn.State.Active is null && !Runner.IsFeatureName(featureName))
        {
            // The welcome card has its own "Beginnen" button: no menu under it yet.
            return;
        }

        await Runner.StartPrivateAsync(turnContext, featureName, cancellationToken).ConfigureAwait(false);
    }
}
