using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Engine.Prompts;
using JepBot.Dialogs.Engine.State;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace JepBot.Dialogs.Engine;

/// <summary>
/// Runs one user turn through the dialog stack:
/// <list type="number">
/// <item>load the stack; discard it when it names dialogs or steps that no longer exist (after a deploy);</item>
/// <item>refuse clicks on cards that do not belong to the open question (stale cards);</item>
/// <item>handle global commands: help, stop, back, menu, language;</item>
/// <item>otherwise check the answer against the open prompt and run the waterfall on until the next question.</item>
/// </list>
/// The runner changes state only in memory; the host saves it after the turn, so a failed turn changes nothing.
/// </summary>
public sealed class DialogRunner(
    DialogSet dialogs,
    string rootDialogId,
    IStatePropertyAccessor<DialogStackState> stackAccessor,
    IStatePropertyAccessor<UserPreferences> preferencesAccessor,
    Localizer localizer)
{
    /// <summary>A turn that runs more steps than this without asking anything is a loop in a dialog definition.</summary>
    private const int MaxStepsPerTurn = 64;

    private readonly Dictionary<string, string> _commandDialogs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _startDialogs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (string DialogId, Func<string, JToken?> Options)> _startCommands = new(StringComparer.Ordinal);

    /// <summary>
    /// Lets a typed feature name start a dialog when it is not an answer to the open question (and no free text is
    /// being asked): "zorg" in the middle of something else starts the Werkwijze.
    /// </summary>
    public DialogRunner AddStartWords(string dialogId, params string[] words)
    {
        _ = dialogs.Get(dialogId);
        foreach (var word in words)
        {
            _startDialogs[TextMatching.Normalize(word)] = dialogId;
        }

        return this;
    }

    /// <summary>
    /// Like <see cref="AddStartWords"/>, and also "word argument" starts the dialog ("oefenen een-casus"), with the
    /// options that <paramref name="options"/> makes of the argument. The argument is typed text that may hold anything
    /// (a name): only what <paramref name="options"/> returns reaches the dialog and the stored state, never the text.
    /// </summary>
    public DialogRunner AddStartCommand(string dialogId, Func<string, JToken?> options, params string[] words)
    {
        AddStartWords(dialogId, words);
        foreach (var word in words)
        {
            _startCommands[TextMatching.Normalize(word)] = (dialogId, options);
        }

        return this;
    }

    /// <summary>True when the text names a feature that can be started by typing it ("zorg", "werkatelier", "oefenen x").</summary>
    public bool IsFeatureName(string? text) => StartFor(text) is not null;

    private (string DialogId, JToken? Options)? StartDialog(TurnInput input) => input.IsCardSubmit ? null : StartFor(input.Text);

    /// <summary>The dialog a typed text starts, with its options: a start word alone, or a start command and its argument.</summary>
    private (string DialogId, JToken? Options)? StartFor(string? text)
    {
        var normalized = TextMatching.Normalize(text);
        if (_startDialogs.TryGetValue(normalized, out var dialogId))
        {
            return (dialogId, null);
        }

        for (var space = normalized.IndexOf(' ', StringComparison.Ordinal); space > 0; space = normalized.IndexOf(' ', space + 1))
        {
            if (_startCommands.TryGetValue(normalized[..space], out var command))
            {
                return (command.DialogId, command.Options(normalized[(space + 1)..]));
            }
        }

        return null;
    }

    /// <summary>
    /// Makes a dialog reachable from anywhere by typing one of these words (or by a card button with command
    /// <paramref name="dialogId"/>). It runs as an interruption: when it ends, the open question is asked again.
    /// </summary>
    public DialogRunner AddCommandDialog(string dialogId, params string[] words)
    {
        _ = dialogs.Get(dialogId);
        _commandDialogs[dialogId] = dialogId;
        foreach (var word in words)
        {
            _commandDialogs[TextMatching.Normalize(word)] = dialogId;
        }

        return this;
    }

    public DialogSet Dialogs => dialogs;

    /// <summary>Loads this turn's state. Unreadable or outdated stacks are replaced by an empty one, flagged as outdated.</summary>
    public async Task<(DialogTurn Turn, bool Outdated)> LoadAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        UserPreferences preferences;
        try
        {
            preferences = await preferencesAccessor.GetAsync(context, () => new UserPreferences(), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            preferences = new UserPreferences();
            await preferencesAccessor.SetAsync(context, preferences, cancellationToken).ConfigureAwait(false);
        }

        DialogStackState state;
        var outdated = false;
        try
        {
            state = await stackAccessor.GetAsync(context, () => new DialogStackState(), cancellationToken).ConfigureAwait(false);
            outdated = !IsRunnable(state);
        }
        catch (JsonException)
        {
            state = new DialogStackState();
            outdated = true;
        }

        if (outdated)
        {
            var welcomed = state.Welcomed;
            state = new DialogStackState { Welcomed = welcomed };
            await stackAccessor.SetAsync(context, state, cancellationToken).ConfigureAwait(false);
        }

        return (new DialogTurn(context, state, preferences, localizer), outdated);
    }

    /// <summary>How many handled activity ids a conversation remembers to recognise a redelivery.</summary>
    private const int RememberedActivities = 4;

    /// <summary>True when this activity was handled already (a redelivery); otherwise remembers it.</summary>
    private static bool IsRedelivery(DialogStackState state, string? activityId)
    {
        if (activityId is not { Length: > 0 and <= 128 })
        {
            return false;
        }

        if (state.RecentActivityIds.Contains(activityId))
        {
            return true;
        }

        state.RecentActivityIds.Add(activityId);
        if (state.RecentActivityIds.Count > RememberedActivities)
        {
            state.RecentActivityIds.RemoveRange(0, state.RecentActivityIds.Count - RememberedActivities);
        }

        return false;
    }

    /// <summary>Handles a message or card submit.</summary>
    public async Task RunTurnAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var (turn, outdated) = await LoadAsync(context, cancellationToken).ConfigureAwait(false);
        if (IsRedelivery(turn.State, context.Activity.Id))
        {
            return;
        }

        var input = TurnInput.From(context.Activity.Text, context.Activity.Value);
        var hadDialog = turn.State.Active is not null;

        if (outdated)
        {
            await SendTextAsync(turn, "engine.outdated", cancellationToken).ConfigureAwait(false);
            await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (command, argument) = GlobalCommands.Recognize(input);

        // A card is current only when it names the open question; anything else (older card, forged data,
        // a card without ticket) changes nothing. Command buttons without ticket (welcome, info cards) are always allowed.
        var isCommandButton = input.IsCardSubmit && !input.HasTicket && (command != GlobalCommand.None || CommandDialog(input) is not null);
        if (input.IsCardSubmit && !isCommandButton && !IsCurrentCard(turn.State, input))
        {
            await SendTextAsync(turn, "engine.staleCard", cancellationToken).ConfigureAwait(false);
            await RepromptAsync(turn, problem: null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CommandDialog(input) is { } commandDialog)
        {
            var interrupts = turn.State.Active is not null;
            await BeginAsync(turn, commandDialog, null, isInterruption: interrupts, cancellationToken).ConfigureAwait(false);
            if (turn.State.Active is null && !StateErasure.IsRequested(context))
            {
                // Nothing was open: after the command's own dialog, offer the menu rather than silence. Not after an
                // erasure: that state is about to be deleted, and a menu card would belong to nothing.
                await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        switch (command)
        {
            case GlobalCommand.Help:
                await HelpAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Cancel:
                RemoveRuns(turn, 0);
                await SendTextAsync(turn, hadDialog ? "engine.cancelled" : "engine.nothingToCancel", cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Back:
                await BackAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Menu:
                RemoveRuns(turn, 0);
                await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Language:
                await ChangeLanguageAsync(turn, argument, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Hint when turn.State.Active?.Pending is { HintTitle: { } hintTitle } hinted:
                // Only a question that has a hint: elsewhere "hint" or "tip" is an ordinary answer.
                await turn.Context.SendActivityAsync(AdaptiveCard.ToActivity(InfoCard.Build(hintTitle, hinted.Hint), hintTitle), cancellationToken).ConfigureAwait(false);
                await RepromptAsync(turn, problem: null, cancellationToken).ConfigureAwait(false);
                return;
            case GlobalCommand.Greeting when turn.State.Active?.Pending is { Kind: not (PromptKind.Text or PromptKind.Form) }:
                // A free-text question takes "hallo" as its answer; elsewhere it is a greeting, not a wrong answer.
                await SendTextAsync(turn, "engine.greetingResume", cancellationToken).ConfigureAwait(false);
                await RepromptAsync(turn, problem: null, cancellationToken).ConfigureAwait(false);
                return;
        }

        var active = turn.State.Active;
        if (active?.Pending is null)
        {
            if (!input.IsCardSubmit && input.Text.Length == 0)
            {
                await SendTextAsync(turn, "engine.emptyMessage", cancellationToken).ConfigureAwait(false);
            }

            RemoveRuns(turn, 0);
            if (StartDialog(input) is { } direct)
            {
                // "Ik maak me zorgen" as a first message starts that feature at once, without the menu first.
                await BeginAsync(turn, direct.DialogId, direct.Options, isInterruption: false, cancellationToken).ConfigureAwait(false);
                await ShowMenuWhenNothingIsLeftAsync(turn, cancellationToken).ConfigureAwait(false);
                return;
            }

            await BeginRootAsync(turn, greet: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!input.IsCardSubmit && input.Text.Length == 0)
        {
            await SendTextAsync(turn, "engine.emptyMessage", cancellationToken).ConfigureAwait(false);
            await RepromptAsync(turn, problem: null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var recognition = new PromptRecognizer(localizer, turn.Language).Recognize(active.Pending, input);
        if (!recognition.Accepted && active.Pending.Kind is not (PromptKind.Text or PromptKind.Form) && StartDialog(input) is { } started)
        {
            // Not an answer, but the name of a feature ("zorg", "werkatelier"): the user wants to go there.
            RemoveRuns(turn, 0);
            await BeginAsync(turn, started.DialogId, started.Options, isInterruption: false, cancellationToken).ConfigureAwait(false);
            await ShowMenuWhenNothingIsLeftAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!recognition.Accepted)
        {
            await SendPromptAsync(turn, active, recognition.RetrySpec ?? active.Pending, recognition.Problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        var step = active.Pending.Step;
        var transient = active.Pending.Transient;
        if (!transient)
        {
            active.Answers[step] = recognition.Answer!;
        }

        active.Pending = null;
        var dialog = dialogs.Get(active.DialogId);
        var next = dialog.StepAfter(step);
        var result = next is null ? new StepResult.End(recognition.Answer) : (StepResult)new StepResult.GoTo(next, recognition.Answer);
        await ApplyAsync(turn, active, result, cancellationToken, transientInput: transient).ConfigureAwait(false);
        await ShowMenuWhenNothingIsLeftAsync(turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Continues in a conversation the bot opened itself (a 1:1 chat after someone mentioned it in a channel). A
    /// feature name they typed starts that feature; otherwise an open question is asked again, or the menu shown.
    /// Nothing else they typed in the channel is carried over: it may describe the young person.
    /// </summary>
    public async Task StartPrivateAsync(ITurnContext context, string? featureName, CancellationToken cancellationToken)
    {
        var (turn, _) = await LoadAsync(context, cancellationToken).ConfigureAwait(false);
        if (StartFor(featureName) is { } feature)
        {
            RemoveRuns(turn, 0);
            await BeginAsync(turn, feature.DialogId, feature.Options, isInterruption: false, cancellationToken).ConfigureAwait(false);
            await ShowMenuWhenNothingIsLeftAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        else if (turn.State.Active?.Pending is not null)
        {
            await RepromptAsync(turn, problem: null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            RemoveRuns(turn, 0);
            await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A feature started by its name has no menu below it: when it ends, the menu comes back.</summary>
    private Task ShowMenuWhenNothingIsLeftAsync(DialogTurn turn, CancellationToken cancellationToken) =>
        turn.State.Active is null && !StateErasure.IsRequested(turn.Context) ? BeginRootAsync(turn, greet: false, cancellationToken) : Task.CompletedTask;

    /// <summary>Starts the root dialog (the menu) on an empty stack.</summary>
    public Task BeginRootAsync(DialogTurn turn, bool greet, CancellationToken cancellationToken) =>
        BeginAsync(turn, rootDialogId, JObject.FromObject(new { greet }), isInterruption: false, cancellationToken);

    /// <summary>Pushes a dialog and runs it to its first question.</summary>
    public Task BeginAsync(DialogTurn turn, string dialogId, JToken? options, bool isInterruption, CancellationToken cancellationToken)
    {
        var instance = NewInstance(dialogId, options, isInterruption);
        turn.State.Stack.Add(instance);
        Begun(turn, instance);
        return RunStepAsync(turn, instance, dialogs.Get(dialogId).FirstStep, input: null, cancellationToken);
    }

    /// <summary>True when the open question has an earlier question to go back to.</summary>
    public static bool CanGoBack(DialogStackState state)
    {
        if (state.Active is { IsInterruption: true } interruption && PreviousQuestion(interruption, isTop: true) < 0)
        {
            return true;
        }

        return FindBackTarget(state) is not null;
    }

    /// <summary>
    /// Where "back" goes: the newest earlier visit that asked a question, in the active dialog (before its open
    /// question) or else in a dialog below it. Steps that only routed or informed are skipped.
    /// </summary>
    private static (int StackIndex, int VisitIndex)? FindBackTarget(DialogStackState state)
    {
        for (var i = state.Stack.Count - 1; i >= 0; i--)
        {
            var visit = PreviousQuestion(state.Stack[i], isTop: i == state.Stack.Count - 1);
            if (visit >= 0)
            {
                return (i, visit);
            }
        }

        return null;
    }

    private static int PreviousQuestion(DialogInstance instance, bool isTop)
    {
        // The top dialog's last visit is the open question itself; below, the last visit is the step waiting for a child.
        var end = isTop && instance.Pending is not null ? instance.History.Count - 1 : instance.History.Count;
        for (var v = end - 1; v >= 0; v--)
        {
            if (instance.History[v].Asked)
            {
                return v;
            }
        }

        return -1;
    }

    private bool IsRunnable(DialogStackState state)
    {
        if (state.Schema != DialogStackState.CurrentSchema)
        {
            return false;
        }

        for (var i = 0; i < state.Stack.Count; i++)
        {
            var instance = state.Stack[i];
            var dialog = dialogs.Find(instance.DialogId);
            if (dialog is null || instance.History.Count == 0 || instance.History.Any(v => !dialog.HasStep(v.Step)))
            {
                return false;
            }

            // The top dialog always waits for an answer. A dialog below it waits for its child, except when the
            // child is an interruption (e.g. "taal"): then it keeps its open question to ask again afterwards.
            var isTop = i == state.Stack.Count - 1;
            var mayWait = isTop || state.Stack[i + 1].IsInterruption;
            if ((isTop && instance.Pending is null) || (instance.Pending is not null && (!mayWait || instance.Pending.Step != instance.CurrentVisit!.Step)))
            {
                return false;
            }
        }

        return true;
    }

    private string? CommandDialog(TurnInput input)
    {
        if (input.CardCommand is { } cardCommand)
        {
            return _commandDialogs.TryGetValue(cardCommand, out var byCard) && byCard == cardCommand ? byCard : null;
        }

        return !input.IsCardSubmit && _commandDialogs.TryGetValue(TextMatching.Normalize(input.Text), out var byWord) ? byWord : null;
    }

    private static bool IsCurrentCard(DialogStackState state, TurnInput input) =>
        state.Active is { Pending: not null } active
        && input.TicketInstance == active.Id
        && input.TicketStep == active.Pending.Step;

    private async Task HelpAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var active = turn.State.Active;
        var paragraphs = new List<string>();
        if (active?.Pending?.Help is { Length: > 0 } promptHelp)
        {
            paragraphs.Add(promptHelp);
        }

        if (active is not null && dialogs.Find(active.DialogId)?.HelpKeyFor(active.Options) is { } helpKey)
        {
            paragraphs.Add(turn.T(helpKey));
        }

        paragraphs.Add(turn.T("engine.help.commands"));
        if (active is null)
        {
            paragraphs.Add(turn.T("engine.help.start"));
        }

        var heading = turn.T("engine.help.title");
        await turn.Context.SendActivityAsync(
            AdaptiveCard.ToActivity(InfoCard.Build(heading, paragraphs), heading), cancellationToken).ConfigureAwait(false);

        if (active?.Pending is not null)
        {
            await SendPromptAsync(turn, active, active.Pending, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task BackAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var state = turn.State;
        if (state.Active is null)
        {
            await SendTextAsync(turn, "engine.nothingToGoBack", cancellationToken).ConfigureAwait(false);
            return;
        }

        // Leaving a command's own dialog (e.g. the language question) returns to the question it interrupted.
        if (state.Active is { IsInterruption: true } interruption && PreviousQuestion(interruption, isTop: true) < 0)
        {
            RemoveRuns(turn, state.Stack.Count - 1);
            await RerunOpenStepAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (FindBackTarget(state) is not var (target, visitIndex))
        {
            await SendTextAsync(turn, "engine.atFirstQuestion", cancellationToken).ConfigureAwait(false);
            await RepromptAsync(turn, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        RemoveRuns(turn, target + 1);
        var instance = state.Stack[target];
        var previous = instance.History[visitIndex];
        foreach (var undone in instance.History.Skip(visitIndex))
        {
            instance.Answers.Remove(undone.Step);
        }

        instance.History.RemoveRange(visitIndex, instance.History.Count - visitIndex);
        instance.Pending = null;
        await RunStepAsync(turn, instance, previous.Step, previous.Input, cancellationToken, repeat: true).ConfigureAwait(false);
    }

    private async Task ChangeLanguageAsync(DialogTurn turn, string? argument, CancellationToken cancellationToken)
    {
        var requested = argument is null ? null : LanguageFromWord(argument);
        if (requested is null)
        {
            // No (known) language given: ask, as an interruption that returns to the open question.
            await BeginAsync(turn, LanguageDialogId, null, isInterruption: turn.State.Active is not null, cancellationToken).ConfigureAwait(false);
            return;
        }

        turn.Preferences.Language = requested;
        await SendTextAsync(turn, "engine.languageChanged", cancellationToken).ConfigureAwait(false);
        if (turn.State.Active is null)
        {
            await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await RerunOpenStepAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The id of the dialog that asks for the language; registered by the flows.</summary>
    public const string LanguageDialogId = "language";

    private static string? LanguageFromWord(string word) => TextMatching.Normalize(word) switch
    {
        "nl" or "nederlands" or "dutch" or "nederland" => Languages.Dutch,
        "en" or "engels" or "english" or "eng" => Languages.English,
        _ => null,
    };

    /// <summary>Asks the open question again by running its step again, so it is rebuilt (e.g. in a new language).</summary>
    private async Task RerunOpenStepAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        var active = turn.State.Active;
        if (active is null)
        {
            await BeginRootAsync(turn, greet: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var visit = active.History[^1];
        active.History.RemoveAt(active.History.Count - 1);
        active.Pending = null;
        await RunStepAsync(turn, active, visit.Step, visit.Input, cancellationToken, repeat: true).ConfigureAwait(false);
    }

    /// <summary>Shows the open question again as it was stored, or says how to start when nothing is open.</summary>
    private async Task RepromptAsync(DialogTurn turn, string? problem, CancellationToken cancellationToken)
    {
        if (turn.State.Active is { Pending: not null } active)
        {
            await SendPromptAsync(turn, active, active.Pending, problem, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SendTextAsync(turn, "engine.help.start", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <param name="repeat">The step runs again for a question the user saw already ("terug", a language change): <see cref="StepContext.IsRepeat"/>.</param>
    private Task RunStepAsync(DialogTurn turn, DialogInstance instance, string step, JToken? input, CancellationToken cancellationToken, bool repeat = false) =>
        ApplyAsync(turn, instance, new StepResult.GoTo(step, input), cancellationToken, repeat: repeat);

    /// <summary>Carries out step results until a question is asked or the stack is empty.</summary>
    /// <param name="transientInput">The first step gets its input for this turn only; its history keeps no copy.</param>
    /// <param name="repeat">The first step runs again for a question already shown (<see cref="StepContext.IsRepeat"/>).</param>
    private async Task ApplyAsync(DialogTurn turn, DialogInstance instance, StepResult result, CancellationToken cancellationToken, bool transientInput = false, bool repeat = false)
    {
        var state = turn.State;
        for (var steps = 0; ; steps++)
        {
            if (steps > MaxStepsPerTurn)
            {
                throw new InvalidOperationException($"Dialog '{instance.DialogId}' ran more than {MaxStepsPerTurn} steps in one turn without asking anything.");
            }

            var dialog = dialogs.Get(instance.DialogId);
            switch (result)
            {
                case StepResult.Ask ask:
                    ask.Prompt.Step = instance.CurrentVisit!.Step;
                    instance.CurrentVisit.Asked = true;
                    instance.Pending = ask.Prompt;
                    await SendPromptAsync(turn, instance, ask.Prompt, null, cancellationToken).ConfigureAwait(false);
                    if (dialog.RebuildsParagraphs && ask.Prompt.Paragraphs.Count > 0)
                    {
                        // Shown; the stored question keeps what is needed to check the answer, not its long texts.
                        ask.Prompt.Paragraphs = [];
                        ask.Prompt.ParagraphsOmitted = true;
                    }

                    return;

                case StepResult.Next next:
                    var following = dialog.StepAfter(instance.CurrentVisit!.Step);
                    result = following is null ? new StepResult.End(next.Value) : new StepResult.GoTo(following, next.Value);
                    continue;

                case StepResult.GoTo goTo:
                    if (!dialog.HasStep(goTo.Step))
                    {
                        throw new InvalidOperationException($"Dialog '{dialog.Id}' has no step '{goTo.Step}'.");
                    }

                    instance.History.Add(new StepVisit { Step = goTo.Step, Input = transientInput ? null : goTo.Value });
                    transientInput = false;
                    var context = new StepContext(turn, instance, goTo.Step, goTo.Value, repeat);
                    repeat = false;
                    using (EngineTelemetry.StartStep(dialog.Id, goTo.Step))
                    {
                        result = await dialog.GetStep(goTo.Step)(context, cancellationToken).ConfigureAwait(false);
                    }
                    continue;

                case StepResult.Begin begin:
                    instance = NewInstance(begin.DialogId, begin.Options, isInterruption: false);
                    state.Stack.Add(instance);
                    Begun(turn, instance);
                    result = new StepResult.GoTo(dialogs.Get(begin.DialogId).FirstStep, null);
                    continue;

                case StepResult.Replace replace:
                    Left(turn, instance, DialogExit.Replaced);
                    state.Stack.Remove(instance);
                    instance = NewInstance(replace.DialogId, replace.Options, instance.IsInterruption);
                    state.Stack.Add(instance);
                    Begun(turn, instance);
                    result = new StepResult.GoTo(dialogs.Get(replace.DialogId).FirstStep, null);
                    continue;

                case StepResult.End end:
                    Left(turn, instance, DialogExit.Ended);
                    state.Stack.Remove(instance);
                    if (state.Active is not { } parent)
                    {
                        return;
                    }

                    if (instance.IsInterruption)
                    {
                        await RerunOpenStepAsync(turn, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    // The parent waited in the step that began the child: record the child's result as that step's answer and go on.
                    var waiting = parent.CurrentVisit!.Step;
                    parent.Answers[waiting] = end.Result ?? JValue.CreateNull();
                    instance = parent;
                    var afterWaiting = dialogs.Get(parent.DialogId).StepAfter(waiting);
                    result = afterWaiting is null ? new StepResult.End(end.Result) : new StepResult.GoTo(afterWaiting, end.Result);
                    continue;

                default:
                    throw new InvalidOperationException($"Unknown step result {result.GetType().Name}.");
            }
        }
    }

    private async Task SendPromptAsync(DialogTurn turn, DialogInstance instance, PromptSpec spec, string? problem, CancellationToken cancellationToken)
    {
        spec.BackTitle = CanGoBack(turn.State) ? turn.T("prompt.back") : null;
        var card = PromptCard.Build(await WithParagraphsAsync(turn, instance, spec, cancellationToken).ConfigureAwait(false), instance.Id, problem);
        var summary = problem is null ? spec.Text : problem + " " + spec.Text;
        await turn.Context.SendActivityAsync(AdaptiveCard.ToActivity(card, summary), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question as it is shown: with its paragraphs rebuilt when the stored copy left them out.</summary>
    private async Task<PromptSpec> WithParagraphsAsync(DialogTurn turn, DialogInstance instance, PromptSpec spec, CancellationToken cancellationToken)
    {
        if (!spec.ParagraphsOmitted)
        {
            return spec;
        }

        var dialog = dialogs.Get(instance.DialogId);
        var paragraphs = await dialog.RebuildParagraphsAsync(new StepContext(turn, instance, spec.Step, null), cancellationToken).ConfigureAwait(false);
        var shown = StateCopy(spec);
        shown.Paragraphs = paragraphs;
        shown.ParagraphsOmitted = false;
        return shown;
    }

    private static PromptSpec StateCopy(PromptSpec spec) => JObject.FromObject(spec).ToObject<PromptSpec>()!;

    private static Task SendTextAsync(DialogTurn turn, string key, CancellationToken cancellationToken) =>
        turn.Context.SendActivityAsync(MessageFactory.Text(turn.T(key)), cancellationToken);

    /// <summary>Takes the runs from <paramref name="fromIndex"/> up off the stack, newest first, each told it was removed unfinished.</summary>
    private void RemoveRuns(DialogTurn turn, int fromIndex)
    {
        var stack = turn.State.Stack;
        for (var i = stack.Count - 1; i >= fromIndex; i--)
        {
            Left(turn, stack[i], DialogExit.Removed);
        }

        stack.RemoveRange(fromIndex, stack.Count - fromIndex);
    }

    /// <summary><see cref="WaterfallDialog.OnBegun"/> for a run just put on the stack.</summary>
    private void Begun(DialogTurn turn, DialogInstance instance)
    {
        var dialog = dialogs.Get(instance.DialogId);
        dialog.OnBegun(new StepContext(turn, instance, dialog.FirstStep, null));
    }

    /// <summary><see cref="WaterfallDialog.OnLeft"/> for a run about to leave the stack, named after the last question it asked.</summary>
    private void Left(DialogTurn turn, DialogInstance instance, DialogExit exit)
    {
        var dialog = dialogs.Get(instance.DialogId);
        var lastQuestion = instance.History.LastOrDefault(v => v.Asked)?.Step ?? instance.CurrentVisit?.Step ?? dialog.FirstStep;
        dialog.OnLeft(new StepContext(turn, instance, lastQuestion, null), exit);
    }

    private DialogInstance NewInstance(string dialogId, JToken? options, bool isInterruption)
    {
        if (dialogs.Find(dialogId) is null)
        {
            throw new InvalidOperationException($"No dialog '{dialogId}' is registered.");
        }

        return new DialogInstance
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            DialogId = dialogId,
            Options = options,
            IsInterruption = isInterruption,
        };
    }
}
