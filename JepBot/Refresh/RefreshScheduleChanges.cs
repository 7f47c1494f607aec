namespace JepBot.Refresh;

/// <summary>Read, change, write of one team's schedule, read again when another writer came first.</summary>
public static class RefreshScheduleChanges
{
    public const int MaxAttempts = 5;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored schedule (null when the team has none) and writes what it
    /// returns; a null from <paramref name="change"/> writes nothing. Returns the schedule written, or null when nothing
    /// was written: the change declined, or other writers came first <see cref="MaxAttempts"/> times (<c>Conflicted</c>).
    /// </summary>
    public static async Task<(RefreshSchedule? Written, bool Conflicted)> ChangeAsync(
        this IRefreshScheduleStore store, string teamId, Func<RefreshSchedule?, RefreshSchedule?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(teamId, cancellationToken).ConfigureAwait(false);
            if (change(current?.Schedule) is not { } schedule)
            {
                return (null, false);
            }

            if (await store.TryWriteAsync(schedule, current?.Version, cancellationToken).ConfigureAwait(false) is not null)
            {
                return (schedule, false);
            }
        }

        return (null, true);
    }
}
