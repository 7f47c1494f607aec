using JepBot.Dialogs.Installations;
using JepBot.Municipalities;
using Microsoft.Extensions.Options;

namespace JepBot.Insight;

/// <summary>
/// Which municipality a conversation counts for: the installed team its 1:1 chat was opened from; else the one team
/// of its organisation (tenant) that has JepBot installed; else, of several, the one team named in configuration
/// (<c>Municipalities:Contacts</c>). Otherwise none, and nothing is counted (docs/insight.md).
/// </summary>
public sealed class InsightMunicipalities(IInstallationStore installations, IOptions<MunicipalityOptions> options)
{
    public async Task<string?> FindAsync(string? teamNote, string? tenantId, CancellationToken cancellationToken)
    {
        if (teamNote is { Length: > 0 } && await installations.GetAsync(teamNote, cancellationToken).ConfigureAwait(false) is not null)
        {
            return teamNote;
        }

        if (tenantId is not { Length: > 0 })
        {
            return null;
        }

        var teams = await installations.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (teams.Count == 1)
        {
            return teams[0].TeamId;
        }

        var configured = options.Value.Contacts.Select(c => c.TeamId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var named = teams.Where(t => configured.Contains(t.TeamId)).ToList();
        return named.Count == 1 ? named[0].TeamId : null;
    }
}
