namespace Han.Browser.Tests;

/// <summary>Where the test run writes its screenshots: artifacts/screenshots/ of the repository (gitignored).</summary>
internal static class Screenshots
{
    public static readonly string Folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Han.slnx")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
