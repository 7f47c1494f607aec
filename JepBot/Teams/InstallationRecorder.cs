using JepBot.Dialogs.Installations;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace JepBot.Teams;

/// <summary>
/// Keeps the record of the teams JepBot is installed in: added (install or the bot joining the team), renamed, and
/// removed (uninstall or the bot leaving). Only team facts are kept; the person who installed it is not.
/// </summary>
public sealed class InstallationRecorder(IInstallationStore store, ILogger<InstallationRecorder> logger, TimeProvider clock)
{
    public async Task AddedAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (TeamsActivityFacts.Team(activity) is not { } team)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var existing = await store.GetAsync(team.Id, cancellationToken).ConfigureAwait(false);
        await store.UpsertAsync(new TeamInstallation
        {
            TeamId = team.Id,
            TeamName = team.Name ?? existing?.TeamName,
            TenantId = TeamsActivityFacts.TenantId(activity),
            ServiceUrl = activity.ServiceUrl,
            ChannelId = TeamsActivityFacts.ChannelId(activity) ?? existing?.ChannelId,
            InstalledUtc = existing?.InstalledUtc ?? now,
            UpdatedUtc = now,
            Contact = existing?.Contact,
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Installed in team {TeamId}.", team.Id);
    }

    public async Task RenamedAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (TeamsActivityFacts.Team(activity) is not { } team || await store.GetAsync(team.Id, cancellationToken).ConfigureAwait(false) is not { } existing)
        {
            // A rename of a team we never saw installed: record it as installed now.
            await AddedAsync(activity, cancellationToken).ConfigureAwait(false);
            return;
        }

        existing.TeamName = team.Name ?? existing.TeamName;
        existing.ServiceUrl = activity.ServiceUrl ?? existing.ServiceUrl;
        existing.UpdatedUtc = clock.GetUtcNow();
        await store.UpsertAsync(existing, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Team {TeamId} renamed.", team.Id);
    }

    public async Task RemovedAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (TeamsActivityFacts.Team(activity) is not { } team)
        {
            return;
        }

        var removed = await store.DeleteAsync(team.Id, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Removed from team {TeamId} (record {Outcome}).", team.Id, removed ? "deleted" : "not found");
    }
}
