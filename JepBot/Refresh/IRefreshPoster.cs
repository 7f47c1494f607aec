using Microsoft.Bot.Schema;

namespace JepBot.Refresh;

/// <summary>Posts a refresh card as a new post in a schedule's channel; throws when Teams refused or could not be reached.</summary>
public interface IRefreshPoster
{
    Task PostAsync(RefreshSchedule schedule, IActivity card, CancellationToken cancellationToken);
}
