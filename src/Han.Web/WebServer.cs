using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Han.Web;

/// <summary>
/// han run's web server: Kestrel from <see cref="WebApplication.CreateSlimBuilder()"/> (no MVC, minimal
/// APIs through the request delegate generator), listening where <c>web.listen</c> says, behind the
/// token when one is set. Started with han run and stopped with it, after the outputs have written
/// what they held.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    /// <summary>Every 15 s a comment on a quiet live stream (issue 10).</summary>
    public static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    private readonly WebOptions _options;
    private readonly IReadOnlyList<ServedMeter> _meters;
    private readonly TimeSpan _heartbeat;
    private readonly HistoryOptions _history;
    private WebApplication? _app;
    private DateTimeOffset _started;

    /// <param name="history">The store, zone and clock of the history half; <see cref="HistoryOptions.None"/> without storage.</param>
    public WebServer(WebOptions options, IReadOnlyList<ServedMeter> meters, HistoryOptions history)
        : this(options, meters, history, DefaultHeartbeat)
    {
    }

    internal WebServer(WebOptions options, IReadOnlyList<ServedMeter> meters, HistoryOptions history, TimeSpan heartbeat)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _meters = meters ?? throw new ArgumentNullException(nameof(meters));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _heartbeat = heartbeat;
    }

    /// <summary>The address it listens on once started (with the port the system chose for port 0).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Listens; a <see cref="WebListenException"/> naming <c>web.listen</c> when it cannot.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _started = _history.Clock.GetUtcNow();
        await RecentPowerFromHistory.SeedAsync(_history, _meters, cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "han", ContentRootPath = AppContext.BaseDirectory });
        // han's own log says what matters (where it listens, what failed); ASP.NET Core's request logging
        // would add a line per request to the journal.
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(_options.Listen);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.AddOpenApi(openApi => openApi.AddAnswers());
        var app = builder.Build();
        if (_options.Token is { } token)
        {
            var gate = new TokenGate(token);
            app.Use(gate.InvokeAsync);
        }

        Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException problem)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            var inUse = problem.InnerException is AddressInUseException;
            throw new WebListenException(inUse
                ? $"web.listen: {_options.ListenText} is already in use by another program; stop that program or choose another port in web.listen"
                : $"web.listen: cannot listen on {_options.ListenText} ({problem.Message}); give an address of this machine, as in 127.0.0.1:8080", problem);
        }

        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        foreach (var meter in _meters)
        {
            meter.Live.EndStreams(); // a live stream would otherwise hold the stop until the shutdown timeout
        }

        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private void Map(WebApplication app)
    {
        // The dashboard (wwwroot/): the page at / is described in the OpenAPI document, its scripts and
        // styles are not (they are the page's parts, not an API). Handlers take the HttpResponse, not the
        // HttpContext: a lambda of HttpContext alone is a plain RequestDelegate, which the document leaves out.
        var dashboard = DashboardFiles.OfThisAssembly;
        var page = dashboard.Page;
        app.MapGet("/", (HttpResponse response) => DashboardFiles.ServeAsync(page, response.HttpContext))
            .WithName("home").WithSummary("The dashboard: live power, history, the month's peaks and the meter's health, from this API.")
            .Answers(StatusCodes.Status200OK, "text/html");
        dashboard.MapAssets(app);
        new MeterEndpoints(_meters, new LiveStream(_heartbeat)).Map(app);
        new HistoryEndpoints(_meters, _history).Map(app);
        app.MapGet("/api/status", (HttpResponse response) => JsonAnswer.WriteAsync(response, writer => StatusAnswer.Write(writer, _meters, _history, _started)))
            .WithName("status").WithSummary("han's version, start and uptime, the zone, the store, each meter's line counters and each output's queue (queued, written, dropped, failed).")
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType);
        app.MapGet("/metrics", (HttpResponse response) =>
            {
                response.ContentType = PrometheusText.ContentType;
                return response.WriteAsync(MetricsDocument.Write(_meters));
            })
            .WithName("metrics").WithSummary("Prometheus text format: the live values of every meter and the health counters.")
            .Answers(StatusCodes.Status200OK, "text/plain");
        app.MapOpenApi();
    }
}
