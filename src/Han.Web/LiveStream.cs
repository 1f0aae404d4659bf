using System.Text;
using Microsoft.AspNetCore.Http;

namespace Han.Web;

/// <summary>
/// A meter's readings as server-sent events (html.spec.whatwg.org, "Server-sent events"): an event
/// <c>reading</c> whose data is the reading's JSON for every list, and a comment line every
/// <see cref="Heartbeat"/> so that proxies and the browser keep a quiet connection open. Each client
/// reads its own bounded queue (<see cref="StreamClient"/>): one that falls behind loses its oldest
/// readings (counted in /metrics), han and the other clients never wait for it.
/// </summary>
internal sealed class LiveStream(TimeSpan heartbeat)
{
    private static readonly byte[] EventStart = Encoding.UTF8.GetBytes("event: reading\ndata: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");
    private static readonly byte[] HeartbeatComment = Encoding.UTF8.GetBytes(": heartbeat\n\n");

    public TimeSpan Heartbeat => heartbeat;

    public async Task ServeAsync(LiveMeter meter, HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // Tells nginx not to buffer the stream (a common reverse proxy in front of han).
        response.Headers["X-Accel-Buffering"] = "no";
        var aborted = context.RequestAborted;
        var client = meter.Follow();
        try
        {
            // The headers and a first comment at once, so that the client knows it is following.
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes($": han live stream of {meter.Name}\n\n"), aborted).ConfigureAwait(false);
            await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            while (await WaitAsync(client, response, aborted).ConfigureAwait(false))
            {
                while (client.Readings.TryRead(out var json))
                {
                    await response.Body.WriteAsync(EventStart, aborted).ConfigureAwait(false);
                    await response.Body.WriteAsync(json, aborted).ConfigureAwait(false);
                    await response.Body.WriteAsync(EventEnd, aborted).ConfigureAwait(false);
                }

                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            meter.Unfollow(client);
        }
    }

    /// <summary>True when readings wait; false when the stream has ended (han stops). Sends heartbeats while it waits.</summary>
    private async Task<bool> WaitAsync(StreamClient client, HttpResponse response, CancellationToken aborted)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            quiet.CancelAfter(heartbeat);
            try
            {
                return await client.Readings.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                await response.Body.WriteAsync(HeartbeatComment, aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
    }
}
