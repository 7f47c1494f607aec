namespace JepBot.Dialogs.Installations;

/// <summary>
/// Durable record of the teams JepBot is installed in. Implementations: SQLite (embedded default) and Azure Table
/// storage; both run JepBot.Tests/Contracts/InstallationStoreContractTests.
/// </summary>
public interface IInstallationStore
{
    /// <summary>Creates the record or replaces the one with the same team id.</summary>
    Task UpsertAsync(TeamInstallation installation, CancellationToken cancellationToken);

    Task<TeamInstallation?> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Removes the record; false when there was none.</summary>
    Task<bool> DeleteAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>All installations of one tenant, or of every tenant when <paramref name="tenantId"/> is null.</summary>
    Task<IReadOnlyList<TeamInstallation>> ListAsync(string? tenantId, CancellationToken cancellationToken);
}
