using System.IO.Compression;

namespace Han.Cli.Diagnosis;

/// <summary>
/// Where a bug-report bundle may go, decided before anything is read, so that a careless command line
/// loses nothing: han never overwrites a file that is not a bundle it wrote (<c>han diagnose --bundle
/// capture.hex</c>, with the value forgotten, would otherwise replace the capture with a zip), never
/// overwrites an earlier bundle under the default name, and says at once when the folder is missing.
/// A folder given as the path gets the default name inside it, as <c>cp</c> does.
/// </summary>
internal static class BundlePath
{
    /// <summary>
    /// The file the bundle will be written to, or false with a sentence saying why not and what to do.
    /// </summary>
    /// <param name="requested">The path given with --bundle, or null for the default name in the working folder.</param>
    /// <param name="defaultName">The default file name (with the date and time).</param>
    public static bool TryResolve(string? requested, string defaultName, out string path, out string problem)
    {
        problem = string.Empty;
        var chosen = requested is null;
        path = requested ?? defaultName;
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, defaultName);
            chosen = true;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            problem = $"--bundle {requested}: the folder {folder} does not exist; create it, or give another path, or --no-bundle";
            return false;
        }

        if (chosen)
        {
            // A name han picked: never the name of an earlier bundle (two runs in one second).
            path = FreeName(path);
            return true;
        }

        if (File.Exists(path) && !IsBundle(path))
        {
            problem = $"--bundle {requested}: that file exists and is not a bundle han wrote, so han will not overwrite it. "
                + "Give the bundle a new name (--bundle report.zip), or --no-bundle; if the file is the capture to examine, put it after the options: han diagnose --bundle report.zip CAPTURE";
            return false;
        }

        return true;
    }

    /// <summary>True when <paramref name="path"/> is a zip with han's diagnosis and versions in it.</summary>
    public static bool IsBundle(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var versions = zip.GetEntry(BugReportBundle.VersionsEntry);
            if (versions is null || zip.GetEntry(BugReportBundle.DiagnosisEntry) is null)
            {
                return false;
            }

            using var reader = new StreamReader(versions.Open());
            return reader.ReadLine()?.StartsWith("han ", StringComparison.Ordinal) == true;
        }
        catch (Exception problem) when (problem is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return false; // not a zip, or not one han can read: not ours
        }
    }

    private static string FreeName(string path)
    {
        var stem = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, Path.GetFileNameWithoutExtension(path));
        var extension = Path.GetExtension(path);
        var candidate = path;
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
        {
            candidate = $"{stem}-{n}{extension}";
        }

        return candidate;
    }
}
