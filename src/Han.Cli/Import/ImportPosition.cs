namespace Han.Cli.Import;

/// <summary>How far an import has come, written by the import and read by the progress display on another thread.</summary>
internal sealed class ImportPosition
{
    private long _bytes;
    private long _lists;

    public long Bytes => Volatile.Read(ref _bytes);

    public long Lists => Volatile.Read(ref _lists);

    public void Set(long bytes, long lists)
    {
        Volatile.Write(ref _bytes, bytes);
        Volatile.Write(ref _lists, lists);
    }
}
