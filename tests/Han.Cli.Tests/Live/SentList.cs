using System.Text.Json;

namespace Han.Cli.Tests.Live;

/// <summary>
/// One line of <c>han simulate --log</c>: a list the meter was due to send, where its bytes lie in the
/// simulator's output, the fault that struck it (none, or bad-crc, truncated, garbage, disconnect,
/// missing-hour, repeated-hour), whether a decoder can read it (<c>intact</c>) and what it reads then.
/// A list the line's silence after a disconnect swallowed has no bytes.
/// </summary>
internal sealed record SentList(long Sequence, string List, long Offset, int Bytes, string? Fault, bool Intact, JsonElement Reading)
{
    public long End => Offset + Bytes;

    public static IReadOnlyList<SentList> ReadLog(string path) =>
        [.. File.ReadLines(path).Select(line => JsonDocument.Parse(line).RootElement).Select(entry => new SentList(
            entry.GetProperty("seq").GetInt64(),
            entry.GetProperty("list").GetString()!,
            entry.GetProperty("offset").GetInt64(),
            entry.GetProperty("bytes").GetInt32(),
            entry.TryGetProperty("fault", out var fault) ? fault.GetString() : null,
            entry.GetProperty("intact").GetBoolean(),
            entry.GetProperty("reading").Clone()))];

    public override string ToString() => $"list {Sequence} ({List}{(Fault is null ? string.Empty : ", " + Fault)}, bytes {Offset}-{End - 1})";
}
