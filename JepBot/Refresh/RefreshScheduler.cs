using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Localization;
using Microsoft.Extensions.Options;

namespace JepBot.Refresh;

/// <summary>
/// Posts each switched-on channel's knowledge refresh card once per period. Every <see cref="RefreshOptions.PollSeconds"/>
/// it looks at the stored schedules; a channel whose period is due and not yet posted is claimed with a conditional
/// write (so of several instances exactly one posts), then posted, then marked as posted.
/// </summary>
/// <remarks>
/// At most once per period per channel: a post that fails with an error releases the claim and is tried again on a
/// later round; a claim that expired without being marked (an instance died while posting, perhaps after Teams
/// showed the card) is not tried again in that period, because posting twice is worse than missing one month.
/// The schedule is in the store, so a restart changes nothing: the next round after start posts what is due.
/// </remarks>
public sealed class RefreshScheduler(
    IRefreshScheduleStore store,
    IRefreshPoster poster,
    RefreshItems items,
    Localizer localizer,
    IOptions<RefreshOptions> options,
    TimeProvider clock,
    ILogger<RefreshScheduler> logger) : BackgroundService
{
    /// <summary>One round: posts every card that is due now. Returns how many were posted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var stored in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await TryPostAsync(stored, cancellationToken).ConfigureAwait(false))
            {
                posted++;
            }
        }

        return posted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store was unreachable: the next round tries again; nothing was claimed that is not released.
                logger.LogWarning(exception, "Knowledge refresh round failed; trying again in {Seconds} s.", options.Value.PollSeconds);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> TryPostAsync(VersionedSchedule stored, CancellationToken cancellationToken)
    {
        var schedule = stored.Schedule;
        var now = clock.GetUtcNow();
        var period = RefreshPeriods.Key(schedule.Frequency, now);
        if (!schedule.Enabled || schedule.PostedPeriod == period || !RefreshPeriods.IsDue(schedule.Frequency, now, options.Value))
        {
            return false;
        }

        if (schedule.ClaimedPeriod == period)
        {
            if (schedule.ClaimedUntilUtc > now)
            {
                return false;
            }

            logger.LogWarning("Knowledge refresh for team {TeamId}, period {Period}: an earlier post did not finish; not posting twice.", schedule.TeamId, period);
            return false;
        }

        schedule.ClaimedPeriod = period;
        schedule.ClaimedUntilUtc = now.AddSeconds(options.Value.ClaimSeconds);
        var claimed = await store.TryWriteAsync(schedule, stored.Version, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return false;
        }

        var item = items.At(schedule.NextItem);
        try
        {
            await poster.PostAsync(schedule, Card(schedule.Language, item), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Knowledge refresh for team {TeamId} could not be posted ({ExceptionType}); trying again next round.", schedule.TeamId, exception.GetType().Name);
            await UpdateAsync(schedule.TeamId, s =>
            {
                if (s.ClaimedPeriod == period)
                {
                    s.ClaimedPeriod = null;
                    s.ClaimedUntilUtc = null;
                }
            }, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await UpdateAsync(schedule.TeamId, s =>
        {
            s.PostedPeriod = period;
            s.ClaimedPeriod = null;
            s.ClaimedUntilUtc = null;
            s.NextItem = schedule.NextItem + 1;
        }, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Knowledge refresh posted for team {TeamId}, period {Period}, item {Item}.", schedule.TeamId, period, item.Id);
        return true;
    }

    /// <summary>Applies a change to the stored schedule, reading it again when someone else wrote in between (the channel switched it off).</summary>
    private async Task UpdateAsync(string teamId, Action<RefreshSchedule> change, CancellationToken cancellationToken)
    {
        var (_, conflicted) = await store.ChangeAsync(teamId, stored =>
        {
            if (stored is not null)
            {
                change(stored);
            }

            return stored;
        }, cancellationToken).ConfigureAwait(false);
        if (conflicted)
        {
            logger.LogWarning("Knowledge refresh for team {TeamId}: could not record the outcome after {Attempts} attempts.", teamId, RefreshScheduleChanges.MaxAttempts);
        }
    }

    private Microsoft.Bot.Schema.IActivity Card(string language, RefreshItem item)
    {
        string T(string key) => localizer.Get(language, key);
        var card = KnowledgeRefreshCard.Build(
            T("refresh.heading"),
            item.Title.In(language),
            item.Text.In(language),
            T("refresh.footer"),
            T(item.Kind == RefreshItems.LegalFrameKind ? "refresh.button.legalFrame" : "refresh.button.practice"),
            item.Start);
        return AdaptiveCard.ToActivity(card, T("refresh.heading") + ": " + item.Title.In(language));
    }
}
