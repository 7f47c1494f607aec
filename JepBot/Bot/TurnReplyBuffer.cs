using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace JepBot.Bot;

/// <summary>
/// Holds the replies of a turn until its state is saved, then sends them in order.
/// </summary>
/// <remarks>
/// With several instances on one store, two turns of one conversation can run at the same time on different
/// instances; the second save then fails its ETag check. If that turn had already sent its replies, running it again
/// would answer twice, and not running it again would lose the user's message. Holding the replies makes a lost save
/// a turn that did nothing visible, which the adapter simply runs again on the state that won
/// (<see cref="JepTeamsBot"/>, <see cref="JepBotAdapter"/>). What such a turn did besides replying is safe to do
/// again: a request is stored once per idempotency key. Card updates and proactive messages (the advisors' desk,
/// opening a 1:1 chat) are not held; those turns save no conversation state of their own, so they are never run
/// again. The held replies go out after the save, together and in their order.
/// </remarks>
internal sealed class TurnReplyBuffer
{
    private readonly List<Activity> _held = [];
    private bool _released;

    private TurnReplyBuffer()
    {
    }

    public static TurnReplyBuffer Attach(ITurnContext turnContext)
    {
        var buffer = new TurnReplyBuffer();
        turnContext.OnSendActivities(buffer.HoldAsync);
        return buffer;
    }

    /// <summary>Sends what was held; from now on replies go straight out.</summary>
    public async Task SendAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        _released = true;
        if (_held.Count == 0)
        {
            return;
        }

        var replies = _held.ToArray();
        _held.Clear();
        await turnContext.SendActivitiesAsync(replies, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops what was held (the turn failed or will run again); from now on replies go straight out, e.g. an apology.</summary>
    public void Discard()
    {
        _held.Clear();
        _released = true;
    }

    private Task<ResourceResponse[]> HoldAsync(ITurnContext turnContext, List<Activity> activities, Func<Task<ResourceResponse[]>> next)
    {
        if (_released)
        {
            return next();
        }

        _held.AddRange(activities);

        // No id yet: nothing in JepBot uses the id of a reply it sends within a turn.
        return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
    }
}
