using System.Text.Json;

namespace Han.Readings.Json;

/// <summary>
/// Writes a small JSON file that han remembers between runs (the state folder's files) so that a crash
/// or power cut mid-write leaves either the old file or the new one, never half of one: written beside
/// it first, then renamed over it (a rename within one folder is atomic).
/// </summary>
public static class AtomicJsonFile
{
    public static void Write(string path, Action<Utf8JsonWriter> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
