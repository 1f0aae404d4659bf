using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Han.TestCorpus.Servers;

/// <summary>
/// A local HTTP server (HttpListener on a free loopback port) that answers each request with what
/// <see cref="Respond"/> gives for it (a recorded response: status, body and content type), and keeps every
/// request's path and query for the test to check. Stopped at dispose. The fake services of the tests
/// (<see cref="FakeDomoticz"/>, the price services) are this server with their own answers.
/// </summary>
public sealed class RecordedHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;

    /// <param name="respond">The response to a request.</param>
    public RecordedHttpServer(Func<HttpListenerRequest, RecordedResponse> respond)
    {
        Respond = respond;
        (_listener, Port) = Listen();
        _serving = Task.Run(ServeAsync);
    }

    /// <param name="answer">The response to a request's path and query (as in <c>/api?documentType=A44</c>).</param>
    public RecordedHttpServer(Func<string, RecordedResponse> answer)
        : this(request => answer(request.Url?.PathAndQuery ?? string.Empty))
    {
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>The response to a request; may be changed while the server runs (a service that comes back).</summary>
    public Func<HttpListenerRequest, RecordedResponse> Respond { get; set; }

    /// <summary>Sets the response by the request's path and query alone.</summary>
    public Func<string, RecordedResponse> Answer
    {
        set => Respond = request => value(request.Url?.PathAndQuery ?? string.Empty);
    }

    /// <summary>Every request's path and query, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public void Dispose()
    {
        // Close alone (it stops too): on Linux, Close after Stop removes the prefixes a second time, which
        // binds the port again and fails when a test process alongside has taken it meanwhile.
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the serving loop, as intended.
        }
    }

    /// <summary>Listens on a free port; again on another when a server of a test running alongside took it first.</summary>
    private static (HttpListener Listener, int Port) Listen()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Requests.Enqueue(context.Request.Url?.PathAndQuery ?? string.Empty);
            var response = Respond(context.Request);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}

/// <summary>What <see cref="RecordedHttpServer"/> answers: a status, a body and its content type.</summary>
public sealed record RecordedResponse(int Status, string Body, string ContentType = "application/json")
{
    public static RecordedResponse NotFound { get; } = new(404, "Not found", "text/plain");

    /// <summary>A recorded file, as served by the service it was recorded from.</summary>
    public static RecordedResponse File(string path, string contentType, int status = 200) => new(status, System.IO.File.ReadAllText(path), contentType);
}
