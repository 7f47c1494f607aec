namespace JepBot.Dialogs.Installations;

/// <summary>Finds the municipality's own contact point for a professional: by the team they came from, or their organisation (tenant).</summary>
public interface IMunicipalContacts
{
    Task<MunicipalContact?> FindAsync(string? tenantId, string? teamId, CancellationToken cancellationToken);
}
