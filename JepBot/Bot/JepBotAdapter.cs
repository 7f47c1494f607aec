using System.Runtime.ExceptionServices;
using JepBot.Dialogs;
using JepBot.Dialogs.Localization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace JepBot.Bot;

/// <summary>
/// The Bot Framework adapter with JepBot's error handling. When a turn fails, it logs what failed without the
/// user's text or card values, tells the user in their language (Dutch by default) that they can type "opnieuw",
/// and throws away only the dialog stack of that conversation: the user's preferences stay.
/// A turn that lost its save to another writer (<see cref="TurnConflictException"/>) is run again from the start,
/// on the state that won, a few times before it counts as failed.
/// </summary>
public sealed class JepBotAdapter : CloudAdapter
{
    /// <summary>
    /// Runs of one activity at most. A conflict needs two saves of one conversation within milliseconds (two
    /// instances, or a user in two chats at once); losing four times in a row means something else is wrong.
    /// </summary>
    internal const int MaxTurnAttempts = 4;

    /// <summary>For the copy an activity is run again from: exactly what was received, dates as sent.</summary>
    private static readonly JsonSerializerSettings SnapshotSettings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 64,
    };

    private readonly ILogger<JepBotAdapter> _logger;
    private readonly JepConversation _conversation;
    private readonly ConversationState _conversationState;

    public JepBotAdapter(BotFrameworkAuthentication authentication, ILogger<JepBotAdapter> logger, JepConversation conversation, ConversationState conversationState)
        : base(authentication, logger)
    {
        _logger = logger;
        _conversation = conversation;
        _conversationState = conversationState;
        OnTurnError = HandleTurnErrorAsync;
    }

    /// <summary>
    /// Authenticates and runs one activity. Returns null when the caller is not authenticated: any failure to
    /// validate a token (missing, forged, or unverifiable because the key service cannot be reached) is a rejection.
    /// </summary>
    public async Task<(bool Authenticated, InvokeResponse? Response)> ProcessAuthenticatedAsync(string authHeader, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        AuthenticateRequestResult authentication;
        try
        {
            authentication = await BotFrameworkAuthentication.AuthenticateRequestAsync(activity, authHeader, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LogWarning("Rejected an activity of type {ActivityType}: authentication failed ({ExceptionType}).", activity.Type, exception.GetType().Name);
            return (false, null);
        }

        // A run may change the activity (mention stripping, caller id): a run again starts from what was received.
        var received = JsonConvert.SerializeObject(activity, SnapshotSettings);
        for (var number = 1; ; number++)
        {
            var attempt = new TurnAttempt(number, number == MaxTurnAttempts);
            try
            {
                var response = await ProcessActivityAsync(
                    authentication,
                    activity,
                    (turnContext, ct) =>
                    {
                        turnContext.TurnState.Add(attempt);
                        return bot.OnTurnAsync(turnContext, ct);
                    },
                    cancellationToken).ConfigureAwait(false);
                return (true, response);
            }
            catch (TurnConflictException) when (!attempt.IsLast)
            {
                _logger.LogInformation(
                    "Turn for activity {ActivityId} in conversation {ConversationId} lost its save to another writer (run {Attempt} of {MaxAttempts}); running it again on the current state.",
                    activity.Id,
                    activity.Conversation?.Id,
                    number,
                    MaxTurnAttempts);

                // A little spread, so two instances that collided do not collide again in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * number), cancellationToken).ConfigureAwait(false);
                activity = JsonConvert.DeserializeObject<Activity>(received, SnapshotSettings)!;
            }
        }
    }

    private async Task HandleTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        if (exception is TurnConflictException && turnContext.TurnState.Get<TurnAttempt>() is { IsLast: false })
        {
            // Nothing was saved or sent: ProcessAuthenticatedAsync runs the turn again.
            ExceptionDispatchInfo.Throw(exception);
        }

        // Exception messages can echo user input (parsers quote what they choke on), so only the type and stack are logged.
        _logger.LogError(
            "Turn failed with {ExceptionType} for activity {ActivityType} {ActivityId} in conversation {ConversationId}.{NewLine}{StackTrace}",
            exception.GetType().FullName,
            turnContext.Activity.Type,
            turnContext.Activity.Id,
            turnContext.Activity.Conversation?.Id,
            Environment.NewLine,
            exception.StackTrace);

        if (turnContext.Activity.Type == ActivityTypes.Event && turnContext.Activity.Name == ActivityEventNames.ContinueConversation)
        {
            // A proactive send, not a user's turn: there is nobody to apologise to and no dialog to reset.
            return;
        }

        try
        {
            var language = Languages.FromLocale(turnContext.Activity.Locale);
            await turnContext.SendActivityAsync(MessageFactory.Text(_conversation.Localizer.Get(language, "engine.error"))).ConfigureAwait(false);
        }
        catch (Exception sendFailure)
        {
            _logger.LogWarning("Could not tell the user about the failed turn ({ExceptionType}).", sendFailure.GetType().Name);
        }

        if (exception is TurnConflictException)
        {
            // The stored state is not broken, just busy: it holds what the other writer saved. Leave it as it is.
            return;
        }

        try
        {
            await _conversation.StackAccessor.DeleteAsync(turnContext).ConfigureAwait(false);
            await _conversationState.SaveChangesAsync(turnContext, force: true).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The state itself may be what broke (unreadable, or changed by another instance): remove it entirely.
            try
            {
                await _conversationState.DeleteAsync(turnContext).ConfigureAwait(false);
            }
            catch (Exception deleteFailure)
            {
                _logger.LogError("Could not clear the dialog state after a failed turn ({ExceptionType}).", deleteFailure.GetType().Name);
            }
        }
    }
}
