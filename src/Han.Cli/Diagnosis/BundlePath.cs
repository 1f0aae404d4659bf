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
    /// <summary>The smallest zip (an empty central directory); a shorter file is not a bundle, and is not opened.</summary>
    private const int SmallestZip = 22;

    /// <summary>
    /// The file the bundle will be written to, or false with a sentence saying why not and what to do.
    /// </summary>
    /// <param name="requested">The path given with --bundle, or null for the default name in the working folder.</param>
    /// <param name="defaultName">The default file name (with the date and time).</param>
    public static bool TryResolve(string? requested, string defaultName, out BundleTarget target, out string problem)
    {
        target = new BundleTarget(defaultName, NameIsOurs: true);
        problem = string.Empty;
        if (requested is not null && Refuse(requested) is { } refusal)
        {
            problem = $"--bundle {requested}: {refusal}";
            return false;
        }

        var path = requested ?? defaultName;
        var ours = requested is null;
        try
        {
            if (Directory.Exists(path))
            {
                path = Path.Combine(path, defaultName);
                ours = true;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                problem = File.Exists(folder)
                    ? $"--bundle {requested}: {folder} is a file, not a folder; give a path in a folder, or --no-bundle"
                    : $"--bundle {requested}: the folder {folder} does not exist; create it, or give another path, or --no-bundle";
                return false;
            }
        }
        catch (IOException failure)
        {
            // The working folder itself is gone (deleted while a shell was in it).
            problem = $"the folder for the bug-report bundle cannot be found ({failure.Message}); give --bundle with a full path, or --no-bundle";
            return false;
        }

        if (ours)
        {
            target = new BundleTarget(FreeName(path), NameIsOurs: true);
            return true;
        }

        if (File.Exists(path) && !IsBundle(path))
        {
            problem = $"--bundle {requested}: that file exists and is not a bundle han wrote, so han will not overwrite it. "
                + "Give the bundle a new name (--bundle report.zip), or --no-bundle; if the file is the capture to examine, put it after the options: han diagnose --bundle report.zip CAPTURE";
            return false;
        }

        target = new BundleTarget(path, NameIsOurs: false);
        return true;
    }

    /// <summary>True when <paramref name="path"/> is a zip with han's diagnosis and versions in it.</summary>
    public static bool IsBundle(string path)
    {
        try
        {
            // A pipe or a device has no length and would block or be consumed by a read: never opened.
            if (new FileInfo(path).Length < SmallestZip)
            {
                return false;
            }

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

    /// <summary><paramref name="path"/>, or the first of <c>name-2.zip</c>, <c>name-3.zip</c>, ... that does not exist.</summary>
    public static string FreeName(string path)
    {
        var candidate = path;
        for (var n = 2; File.Exists(candidate) || Directory.Exists(candidate); n++)
        {
            candidate = Numbered(path, n);
        }

        return candidate;
    }

    private static string Numbered(string path, int n) =>
        Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");

    /// <summary>Values that cannot name a bundle at all.</summary>
    private static string? Refuse(string requested) => requested switch
    {
        "" => "an empty path; give a file name such as report.zip, or --no-bundle",
        "-" => "a bundle is a zip file and is not written to standard output; give a file name such as report.zip",
        _ => null,
    };
}
