using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>A proactive send (outside any user's turn) whose failure reaches the caller.</summary>
public static class ProactiveTurn
{
    /// <summary>
    /// Runs <paramref name="send"/> in a turn on <paramref name="reference"/> and rethrows its failure. Left to the
    /// adapter, a failure would go to the turn error handler, which answers "something went wrong" into the very
    /// conversation that failed and hides the status code a caller's retry needs.
    /// </summary>
    public static async Task RunAsync(JepBotAdapter adapter, string botAppId, ConversationReference reference, Func<ITurnContext, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(botAppId, reference, async (turnContext, ct) =>
        {
            try
            {
                await send(turnContext, ct).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
            }
        }, cancellationToken).ConfigureAwait(false);
        failure?.Throw();
    }
}
