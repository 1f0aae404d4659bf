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

    private readonly BundleTarget _target;
    private readonly string _temporary;
    private readonly Stream _file;
    private readonly ZipArchive _zip;
    private readonly Stream _decodedEntry;
    private readonly CappedLines _decoded;
    private bool _closed;

    private BugReportBundle(BundleTarget target, string temporary, Stream file)
    {
        _target = target;
        Path = target.Path;
        _temporary = temporary;
        _file = file;
        _zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        _decodedEntry = _zip.CreateEntry(DecodedEntry, CompressionLevel.Optimal).Open();
        _decoded = new CappedLines(_decodedEntry, MaxDecodedBytes);
    }

    /// <summary>Where the bundle is (once complete); another free name than the target's when han picked it and it was taken meanwhile.</summary>
    public string Path { get; private set; }

    /// <summary>Where the decoded output goes (JSON lines); never throws, failures surface in <see cref="Complete"/>.</summary>
    public Stream Decoded => _decoded;

    /// <summary>Whether the decoded output was cut at <see cref="MaxDecodedBytes"/>.</summary>
    public bool DecodedWasCut => _decoded.LinesLeftOut > 0;

    /// <summary>
    /// Starts a bundle for <paramref name="target"/> (resolved by <see cref="BundlePath"/>). Fails with an
    /// <see cref="OutputFailedException"/> when its folder cannot be written, before any input is read.
    /// </summary>
    /// <param name="create">Opens the temporary file (tests give one that fails part-way); a new file by default.</param>
    public static BugReportBundle Start(BundleTarget target, Func<string, Stream>? create = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(target.Path))!;
        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(target.Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var file = create is null ? new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite) : create(temporary);
            return new BugReportBundle(target, temporary, file);
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            // CreateNew failed: there is no file to remove.
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
                throw new IOException(failure.Message, failure);
            }

            Add(CaptureEntry, capture);
            Add(DiagnosisEntry, Encoding.UTF8.GetBytes(diagnosis));
            Add(VersionsEntry, Encoding.UTF8.GetBytes(Versions(settings, capture.Length, inputBytes)));
            _zip.Dispose();
            if (_file is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }

            _file.Dispose();
            _closed = true;
            MoveIntoPlace();
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException)
        {
            throw new OutputFailedException($"the bug-report bundle {Path}", problem);
        }
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            CloseQuietly(_decodedEntry);
            CloseQuietly(_zip);
            CloseQuietly(_file);
        }

        try
        {
            File.Delete(_temporary); // nothing to delete once moved into place
        }
        catch (Exception problem) when (IoFailure.Is(problem))
        {
            // The folder went away or became read-only: the temporary file cannot be removed either.
        }
    }

    /// <summary>Renames the finished zip to its name; a name han picked that was taken meanwhile gives way to the next free one.</summary>
    private void MoveIntoPlace()
    {
        if (!_target.NameIsOurs)
        {
            if (File.Exists(Path) && !BundlePath.IsBundle(Path))
            {
                // Something else took the name while han was reading: keep it.
                throw new IOException($"{Path} appeared while han was working and is not a bundle han wrote; it was left as it is");
            }

            File.Move(_temporary, Path, overwrite: true);
            return;
        }

        while (true)
        {
            try
            {
                File.Move(_temporary, Path, overwrite: false);
                return;
            }
            catch (IOException) when (File.Exists(Path))
            {
                Path = BundlePath.FreeName(Path);
            }
        }
    }

    /// <summary>Closes what an abandoned bundle holds; a failing close (a full disk) changes nothing for a file about to be removed.</summary>
    private static void CloseQuietly(IDisposable part)
    {
        try
        {
            part.Dispose();
        }
        catch (Exception problem) when (IoFailure.Is(problem) || problem is InvalidDataException or ObjectDisposedException)
        {
            // Abandoned anyway.
        }
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
