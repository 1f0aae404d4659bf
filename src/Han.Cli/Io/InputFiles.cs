namespace Han.Cli.Io;

/// <summary>
/// Opens what a command is told to read: a file by name, or standard input for "-". A named pipe or a
/// device (<c>/dev/ttyUSB0</c>, <c>&lt;(ssh pi cat ...)</c>) waits for bytes like standard input does, so
/// it gets the same cancellable reads; opening a named pipe itself waits for a writer, so the open runs
/// on the thread pool too. Names that cannot be a capture are refused with the reason.
/// </summary>
internal static class InputFiles
{
    public static async Task<Stream> OpenAsync(string name, StandardStreams streams, CancellationToken cancellationToken)
    {
        if (name == "-")
        {
            return streams.OpenInput();
        }

        if (name.Length == 0)
        {
            throw new IOException("an empty file name was given; name a capture file, or '-' for standard input");
        }

        if (Directory.Exists(name))
        {
            throw new IOException("this is a folder, not a capture file; name a file in it");
        }

        var file = await Task.Run(() => File.OpenRead(name), CancellationToken.None).WaitAsync(cancellationToken).ConfigureAwait(false);
        return file.CanSeek ? file : new CancellableInput(file);
    }
}
