using System.IO.Compression;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Han.Cli.Io;

namespace Han.Cli.Diagnosis;

/// <summary>
/// A zip a user can attach to a bug report: the start of the capture as received, the decoded output
/// as JSON lines, the diagnosis, and the versions involved. Keys are never written into it (only
/// whether one was given). The decoded output streams into the zip while the diagnosis runs, capped
/// at <see cref="MaxDecodedBytes"/>, so memory stays constant in the input's size. The zip is written
/// under a temporary name next to its place and moved there only when complete: an interrupted or
/// failed run leaves no half bundle and replaces no earlier one.
/// </summary>
internal sealed class BugReportBundle : IDisposable
{
    public const string CaptureEntry = "capture.bin";
    public const string DecodedEntry = "decoded.jsonl";
    public const string DiagnosisEntry = "diagnosis.txt";
    public const string VersionsEntry = "versions.txt";

    /// <summary>How much decoded output a bundle keeps (whole lines); about the capture's share of it.</summary>
    public const long MaxDecodedBytes = 16 * 1024 * 1024;

    private readonly string _temporary;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly Stream _decodedEntry;
    private readonly CappedLines _decoded;
    private bool _completed;

    private BugReportBundle(string path, string temporary, FileStream file)
    {
        Path = path;
        _temporary = temporary;
        _file = file;
        _zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        _decodedEntry = _zip.CreateEntry(DecodedEntry, CompressionLevel.Optimal).Open();
        _decoded = new CappedLines(_decodedEntry, MaxDecodedBytes);
    }

    /// <summary>Where the bundle goes once complete.</summary>
    public string Path { get; }

    /// <summary>Where the decoded output goes (JSON lines); never throws, failures surface in <see cref="Complete"/>.</summary>
    public Stream Decoded => _decoded;

    /// <summary>Whether the decoded output was cut at <see cref="MaxDecodedBytes"/>.</summary>
    public bool DecodedWasCut => _decoded.LinesLeftOut > 0;

    /// <summary>
    /// Starts a bundle for <paramref name="path"/> (resolved by <see cref="BundlePath"/>). Fails with an
    /// <see cref="OutputFailedException"/> when its folder cannot be written, before any input is read.
    /// </summary>
    public static BugReportBundle Start(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            return new BugReportBundle(path, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite));
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new OutputFailedException($"the bug-report bundle in {folder}", problem);
        }
    }

    /// <summary>Adds the capture, the report and the versions, and puts the bundle in its place.</summary>
    /// <param name="inputBytes">How many bytes the whole input had (the capture holds the first of them).</param>
    public void Complete(ReadOnlySpan<byte> capture, long inputBytes, string diagnosis, IEnumerable<string> settings)
    {
        try
        {
            _decodedEntry.Dispose();
            if (_decoded.Failure is { } failure)
            {
                throw failure;
            }

            Add(CaptureEntry, capture);
            Add(DiagnosisEntry, Encoding.UTF8.GetBytes(diagnosis));
            Add(VersionsEntry, Encoding.UTF8.GetBytes(Versions(settings, capture.Length, inputBytes)));
            _zip.Dispose();
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            if (File.Exists(Path) && !BundlePath.IsBundle(Path))
            {
                // Something else took the name while han was reading: keep it.
                throw new IOException($"{Path} appeared while han was working and is not a bundle han wrote; it was left as it is");
            }

            File.Move(_temporary, Path, overwrite: true);
            _completed = true;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new OutputFailedException($"the bug-report bundle {Path}", problem);
        }
    }

    public void Dispose()
    {
        if (_completed)
        {
            return;
        }

        _decodedEntry.Dispose();
        _zip.Dispose();
        _file.Dispose();
        File.Delete(_temporary);
    }

    private string Versions(IEnumerable<string> settings, int captured, long inputBytes)
    {
        var version = typeof(BugReportBundle).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var lines = new List<string>
        {
            $"han {version}",
            $"runtime {RuntimeInformation.FrameworkDescription}",
            $"os {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
        };
        lines.AddRange(settings);
        lines.Add(captured < inputBytes ? $"{CaptureEntry}: the first {captured} of {inputBytes} bytes of the input" : $"{CaptureEntry}: the whole input ({captured} bytes)");
        lines.Add(DecodedWasCut
            ? $"{DecodedEntry}: the first {_decoded.Kept} bytes of the decoded output; {_decoded.LinesLeftOut} more lines were left out"
            : $"{DecodedEntry}: the whole decoded output");
        return string.Join('\n', lines) + "\n";
    }

    private void Add(string name, ReadOnlySpan<byte> content)
    {
        using var entry = _zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
