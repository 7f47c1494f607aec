using JepBot.Dialogs.Installations;
using Microsoft.Extensions.Options;

namespace JepBot.Municipalities;

/// <summary>
/// The contact point a professional sees: the one their team set itself, else the team's entry in configuration,
/// else their organisation's entry in configuration, else the one contact point set by the teams of their
/// organisation (only when they agree: with two different ones it cannot know which is theirs).
/// </summary>
public sealed class MunicipalContacts(IInstallationStore installations, IOptions<MunicipalityOptions> options) : IMunicipalContacts
{
    public async Task<MunicipalContact?> FindAsync(string? tenantId, string? teamId, CancellationToken cancellationToken)
    {
        var configured = options.Value.Contacts;
        if (teamId is not null)
        {
            if (await installations.GetAsync(teamId, cancellationToken).ConfigureAwait(false) is { Contact: { } own })
            {
                return own;
            }

            if (configured.FirstOrDefault(c => string.Equals(c.TeamId, teamId, StringComparison.Ordinal)) is { } forTeam)
            {
                return forTeam.ToContact();
            }
        }

        if (tenantId is null)
        {
            return null;
        }

        if (configured.FirstOrDefault(c => c.TeamId is null && string.Equals(c.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)) is { } forTenant)
        {
            return forTenant.ToContact();
        }

        var set = (await installations.ListAsync(tenantId, cancellationToken).ConfigureAwait(false))
            .Select(i => i.Contact)
            .OfType<MunicipalContact>()
            .DistinctBy(c => (c.Name, c.Phone, c.Email, c.Veiligheidshuis))
            .ToList();
        return set.Count == 1 ? set[0] : null;
    }
}
