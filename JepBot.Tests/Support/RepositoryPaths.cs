namespace JepBot.Tests.Support;

/// <summary>Finds files of the repository from the test binaries (bin/Debug/net10.0 is several levels down).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JepBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("JepBot.sln not found above " + AppContext.BaseDirectory);
    }
}
