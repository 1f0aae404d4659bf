using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Han.Cli.Diagnosis;

/// <summary>
/// A small zip a user can attach to a bug report: the capture as received, the decoded output as JSON
/// lines, the diagnosis, and the versions involved. Keys are never written into it (only whether one
/// was given).
/// </summary>
internal static class BugReportBundle
{
    public static void Write(string path, ReadOnlySpan<byte> capture, ReadOnlySpan<byte> decodedJsonLines, string diagnosis, IEnumerable<string> settings)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "capture.bin", capture);
        Add(zip, "decoded.jsonl", decodedJsonLines);
        Add(zip, "diagnosis.txt", Encoding.UTF8.GetBytes(diagnosis));
        Add(zip, "versions.txt", Encoding.UTF8.GetBytes(Versions(settings)));
    }

    private static string Versions(IEnumerable<string> settings)
    {
        var version = typeof(BugReportBundle).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var lines = new List<string>
        {
            $"han {version}",
            $"runtime {RuntimeInformation.FrameworkDescription}",
            $"os {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        };
        lines.AddRange(settings);
        return string.Join('\n', lines) + "\n";
    }

    private static void Add(ZipArchive zip, string name, ReadOnlySpan<byte> content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
