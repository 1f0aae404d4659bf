using Microsoft.Win32.SafeHandles;

namespace Han.Cli.Io;

/// <summary>
/// Standard input, output and error as the commands use them, with what is known about them: whether
/// input is a terminal or missing, whether output is missing. Tests make one over memory streams.
/// </summary>
internal sealed class StandardStreams
{
    private readonly Func<Stream> _openInput;

    public StandardStreams(Func<Stream> openInput, Stream output, TextWriter error, InputState input = InputState.Redirected, bool outputClosed = false, TextWriter? errorTerminal = null, bool outputIsTerminal = false)
        : this(openInput, new OutputStream(output, "standard output"), error, input, outputClosed, errorTerminal, outputIsTerminal)
    {
    }

    private StandardStreams(Func<Stream> openInput, OutputStream output, TextWriter error, InputState input, bool outputClosed, TextWriter? errorTerminal, bool outputIsTerminal)
    {
        _openInput = openInput;
        Output = output;
        Error = error;
        Input = input;
        OutputClosed = outputClosed;
        ErrorTerminal = errorTerminal;
        OutputIsTerminal = outputIsTerminal;
    }

    /// <summary>
    /// Standard error as it is, when it is a terminal: for a status line redrawn in place, which needs
    /// the carriage return and the erase sequence that <see cref="Error"/> escapes. Null elsewhere.
    /// </summary>
    public TextWriter? ErrorTerminal { get; }

    public InputState Input { get; }

    /// <summary>Standard output; a write that fails throws <see cref="OutputFailedException"/>.</summary>
    public Stream Output { get; }

    /// <summary>True when han was started without standard output: nothing may be written to it.</summary>
    public bool OutputClosed { get; }

    /// <summary>True when standard output is the user's terminal (where raw meter bytes would be noise).</summary>
    public bool OutputIsTerminal { get; }

    public TextWriter Error { get; }

    /// <summary>The same streams with messages going through <paramref name="error"/>.</summary>
    public StandardStreams WithError(TextWriter error) => new(_openInput, (OutputStream)Output, error, Input, OutputClosed, ErrorTerminal, OutputIsTerminal);

    /// <summary>Standard input; an <see cref="IOException"/> that says what to do when there is none.</summary>
    public Stream OpenInput() => Input == InputState.Closed
        ? throw new IOException("standard input is closed (han was started without one); name a capture file, or pipe one in")
        : _openInput();

    /// <summary>The streams of this process.</summary>
    public static StandardStreams OfProcess()
    {
        var inputClosed = StandardDescriptors.WasClosedAtStart(0);
        var outputClosed = StandardDescriptors.WasClosedAtStart(1);
        var errorClosed = StandardDescriptors.WasClosedAtStart(2);
        StandardDescriptors.FillFreeWithNull();
        var input = inputClosed ? InputState.Closed : Console.IsInputRedirected ? InputState.Redirected : InputState.Terminal;
        return new StandardStreams(
            () => new CancellableInput(Console.OpenStandardInput()),
            outputClosed ? Stream.Null : OpenOutput(),
            errorClosed ? TextWriter.Null : Console.Error,
            input,
            outputClosed,
            errorClosed || Console.IsErrorRedirected ? null : Console.Error,
            !outputClosed && !Console.IsOutputRedirected);
    }

    /// <summary>
    /// Descriptor 1 as a stream that reports every failure. For a pipe or a terminal that is a plain file
    /// stream: the console stream hides a broken pipe (EPIPE), and han would decode on for no reader. A
    /// regular file keeps the console stream, which writes at the offset it shares with the shell; a file
    /// stream keeps an offset of its own and would overwrite what is written after han in
    /// <c>{ han decode a; echo done; } &gt; out</c>.
    /// </summary>
    private static Stream OpenOutput()
    {
        try
        {
            var file = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            if (!file.CanSeek)
            {
                return file;
            }

            file.Dispose();
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Not a descriptor a file stream takes (the runtime checks its type): the console stream will do.
        }

        return Console.OpenStandardOutput();
    }
}
