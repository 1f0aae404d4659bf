using System.Net.Sockets;
using Han.Cli.Io;
using Han.Sources.Serving;

namespace Han.Cli.Serving;

/// <summary>
/// Opens where <c>han simulate</c> and <c>han replay</c> send a meter's bytes: TCP clients (a ser2net-like
/// <see cref="TcpBroadcastServer"/>; nothing is sent before the first client connects, so a run at full
/// speed is not over before anyone listens), a pseudo-terminal, or standard output, which must not be
/// the user's terminal. A failure to open is one line on standard error saying what to do.
/// </summary>
internal static class MeterOutputs
{
    /// <summary>The output, ready for bytes; null (after saying why) when it cannot be opened.</summary>
    public static async Task<OpenedOutput?> OpenAsync(OutputRequest request, StandardStreams streams, CancellationToken cancellation)
    {
        var error = streams.Error;
        if (request.Serve is { } endpoint)
        {
            return await ServeAsync(request, endpoint, error, cancellation).ConfigureAwait(false);
        }

        if (request.Pty is { } path)
        {
            try
            {
                var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                return new OpenedOutput(new DeviceOutput(new OutputStream(device, $"the pseudo-terminal {path}")), device);
            }
            catch (Exception problem) when (IoFailure.Is(problem))
            {
                await error.WriteLineAsync($"{request.Command}: --pty {path}: {PtyProblem(problem)}").ConfigureAwait(false);
                return null;
            }
        }

        if (streams.OutputIsTerminal)
        {
            var others = request.OffersPty ? "--serve tcp://HOST:PORT or --pty PATH" : "--serve tcp://HOST:PORT";
            await error.WriteLineAsync($"{request.Command}: standard output is a terminal, where meter bytes would be noise; pipe them ({request.PipeExample}), or give {others}").ConfigureAwait(false);
            return null;
        }

        // Standard output: unbuffered when paced, so each piece leaves when due; buffered at full speed
        // (flushed at the end). It stays open: it is the process's, not this command's.
        Stream stdout = request.AtFullSpeed ? new BufferedStream(streams.Output, 64 * 1024) : streams.Output;
        return new OpenedOutput(new StreamOutput(stdout), owned: null);
    }

    private static async Task<OpenedOutput?> ServeAsync(OutputRequest request, System.Net.IPEndPoint endpoint, TextWriter error, CancellationToken cancellation)
    {
        TcpBroadcastServer server;
        try
        {
            server = TcpBroadcastServer.Start(endpoint);
        }
        catch (SocketException problem)
        {
            await error.WriteLineAsync($"{request.Command}: --serve {TcpEndpoint.Format(endpoint)}: cannot listen there ({problem.Message}); choose another port, or 0 for any free one").ConfigureAwait(false);
            return null;
        }

        await error.WriteLineAsync($"{request.Command}: serving on {TcpEndpoint.Format(server.LocalEndpoint)}; {request.Starting} starts when the first client connects").ConfigureAwait(false);
        var output = new OpenedOutput(server, server);
        try
        {
            await server.WaitForClientAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await output.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return output;
    }

    private static string PtyProblem(Exception problem) => problem switch
    {
        FileNotFoundException or DirectoryNotFoundException => "does not exist; make a pseudo-terminal pair first, e.g. socat -d -d pty,raw,echo=0,link=/tmp/meter pty,raw,echo=0,link=/tmp/han, and give one end",
        UnauthorizedAccessException => "permission denied; the device must be writable by this user",
        _ => problem.Message,
    };
}
