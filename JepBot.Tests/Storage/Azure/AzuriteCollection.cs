namespace JepBot.Tests.Storage.Azure;

/// <summary>The tests that share one Azurite; each uses its own container or table, so they never see each other's data.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
