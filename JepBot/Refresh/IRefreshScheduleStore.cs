namespace JepBot.Refresh;

/// <summary>
/// Durable refresh schedules, one per team. Writes are conditional on the version read, so two instances that both
/// find a period due cannot both claim it (<see cref="RefreshScheduler"/>); SQLite and Azure Table storage
/// implement it and pass the same contract tests.
/// </summary>
public interface IRefreshScheduleStore
{
    Task<VersionedSchedule?> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Every stored schedule, switched on or not.</summary>
    Task<IReadOnlyList<VersionedSchedule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes the schedule when the stored version still is <paramref name="expectedVersion"/> (null: only when there
    /// is none yet). Returns the new version, or null when another writer came first (nothing is written then).
    /// </summary>
    Task<string?> TryWriteAsync(RefreshSchedule schedule, string? expectedVersion, CancellationToken cancellationToken);
}
