using JepBot.Dialogs.Installations;

namespace JepBot.Tests.Contracts;

/// <summary>What every installation store must do: upsert by team, rename, delete, list per tenant, survive reopening.</summary>
public abstract class InstallationStoreContractTests
{
    protected abstract IInstallationStore Create();

    protected abstract IInstallationStore Reopen();

    private static TeamInstallation Team(string id, string tenant, string name = "Team Jeugd") => new()
    {
        TeamId = id,
        TeamName = name,
        TenantId = tenant,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ChannelId = id,
        InstalledUtc = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
        UpdatedUtc = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task An_installation_is_stored_renamed_and_deleted()
    {
        var store = Create();
        await store.UpsertAsync(Team("19:zaanstad@thread.tacv2", "tenant-zaanstad"), CancellationToken.None);

        var renamed = Team("19:zaanstad@thread.tacv2", "tenant-zaanstad", "Zorg en Veiligheid");
        renamed.Contact = new MunicipalContact { Name = "Gemeente Zaanstad, team Veiligheid", Phone = "075 123 4567", Email = "veiligheid@zaanstad.example", Veiligheidshuis = "Veiligheidshuis Zaanstreek-Waterland" };
        await store.UpsertAsync(renamed, CancellationToken.None);

        var stored = await store.GetAsync("19:zaanstad@thread.tacv2", CancellationToken.None);
        Assert.Equal("Zorg en Veiligheid", stored!.TeamName);
        Assert.Equal("075 123 4567", stored.Contact!.Phone);
        Assert.Equal("https://smba.trafficmanager.net/emea/", stored.ServiceUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), stored.InstalledUtc);

        Assert.True(await store.DeleteAsync("19:zaanstad@thread.tacv2", CancellationToken.None));
        Assert.Null(await store.GetAsync("19:zaanstad@thread.tacv2", CancellationToken.None));
        Assert.False(await store.DeleteAsync("19:zaanstad@thread.tacv2", CancellationToken.None));
    }

    [Fact]
    public async Task Installations_are_listed_per_tenant_and_survive_reopening()
    {
        var store = Create();
        await store.UpsertAsync(Team("19:a@thread.tacv2", "tenant-1"), CancellationToken.None);
        await store.UpsertAsync(Team("19:b@thread.tacv2", "tenant-1"), CancellationToken.None);
        await store.UpsertAsync(Team("19:c@thread.tacv2", "tenant-2"), CancellationToken.None);

        var reopened = Reopen();

        Assert.Equal(["19:a@thread.tacv2", "19:b@thread.tacv2"], (await reopened.ListAsync("tenant-1", CancellationToken.None)).Select(i => i.TeamId).Order());
        Assert.Equal(3, (await reopened.ListAsync(null, CancellationToken.None)).Count);
        Assert.Empty(await reopened.ListAsync("tenant-3", CancellationToken.None));
    }

    [Fact]
    public async Task Team_ids_with_any_characters_are_kept_apart()
    {
        var store = Create();
        string[] ids = ["19:x@thread.tacv2", "19:x@thread.skype", "19:X@thread.tacv2", "19:a/b#c?d\\e@thread.tacv2"];
        foreach (var id in ids)
        {
            await store.UpsertAsync(Team(id, "tenant-1", name: id), CancellationToken.None);
        }

        foreach (var id in ids)
        {
            Assert.Equal(id, (await store.GetAsync(id, CancellationToken.None))!.TeamName);
        }
    }
}
