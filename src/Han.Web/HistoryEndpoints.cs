using Han.Costs;
using Han.Storage;
using Han.Storage.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Han.Web;

/// <summary>
/// The history half of the REST API (issue 10, point 5; docs/web.md): what is stored of each meter
/// (energy by period, per-minute power, the month's capacity basis, flagged hours) and the span of it.
/// Query parameters are read here rather than bound, so that a bad one is a 400 naming the parameter,
/// its value and what is valid. Times go in as <see cref="HistoryTime"/> reads them. With a cost profile
/// (<see cref="HistoryOptions.Cost"/>), also what the electricity costs now and so far (issue 11, point 4).
/// </summary>
internal sealed class HistoryEndpoints
{
    private const string FromText = "Start (inclusive): YYYY, YYYY-MM, YYYY-MM-DD (local midnight in the zone) or an ISO 8601 instant with offset. A calendar form alone covers the year, month or day it names.";
    private const string ToText = "End (exclusive), in the same forms as from.";

    /// <summary>What the cost endpoint says without a cost profile: where to configure one.</summary>
    internal const string NoCost = "no cost is configured: add the prices: (bidding zone and spot price source) and grid: (grid company) sections to han run's configuration (docs/cost.md)";

    /// <summary>What the cost endpoint says with a cost profile but no store, which holds the hours and prices it needs.</summary>
    internal const string NoStore = "the cost needs the history: add a storage: section to han run's configuration (docs/storage.md)";

    private readonly HistoryReader _reader;
    private readonly Dictionary<string, LiveMeter> _live;
    private readonly LiveCost? _cost;

    public HistoryEndpoints(IReadOnlyList<ServedMeter> meters, HistoryOptions options)
    {
        _live = meters.ToDictionary(m => m.Live.Name, m => m.Live, StringComparer.Ordinal);
        _reader = new HistoryReader([.. meters.Select(m => m.Live.Name)], options);
        _cost = options.Cost is { } profile ? new LiveCost(profile) : null;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/history", (HttpResponse response, CancellationToken cancellation) => OverviewAsync(response, cancellation))
            .WithName("history").WithSummary("The zone days are counted in, the meters with history, and the span of stored data (first, last; null when nothing is stored).")
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType);
        MapMeter(app, "energy", EnergyAsync, "Energy import and export per period as columns (start in Unix seconds, kWh, exact, flags) with totals. Default: today's hours. Caps: 15min 93 days, hour 731 days.")
            .Takes("resolution", "15min, hour (default), day or month.").Takes("from", FromText + " Default: today.").Takes("to", ToText);
        MapMeter(app, "power", PowerAsync, "Per-minute active power in W (mean, min, max of import and export) as columns. Default: the last 24 hours; at most 31 days.")
            .Takes("from", FromText + " Default: 24 hours ago.").Takes("to", ToText + " Default: now.");
        MapMeter(app, "capacity", CapacityAsync, "The month's capacity basis: the three highest hours on three different days, their mean, and for this month the hour under way, projected to its end.")
            .Takes("month", "YYYY-MM; default this month.");
        MapMeter(app, "cost", CostAsync, "What the electricity costs now and so far, NOK including VAT: the all-in price now, this hour's and today's cost, the month's invoice so far line by line, the capacity step and the kWh left this hour before it goes up, and today's hours with their all-in and spot price and import. 404 when no cost is configured (prices: and grid:).");
        MapMeter(app, "flags", FlagsAsync, "The flagged hours and why. Default: this month.")
            .Takes("from", FromText + " Default: this month.").Takes("to", ToText);
    }

    private static RouteHandlerBuilder MapMeter(IEndpointRouteBuilder app, string what, Func<string, HttpRequest, HttpResponse, CancellationToken, Task> handler, string summary) =>
        app.MapGet($"/api/meters/{{name}}/{what}", (string name, HttpRequest request, HttpResponse response, CancellationToken cancellation) => handler(name, request, response, cancellation))
            .WithName(what).WithSummary(summary)
            .Answers(StatusCodes.Status200OK, JsonAnswer.ContentType)
            .Answers(StatusCodes.Status400BadRequest, JsonAnswer.ContentType)
            .Answers(StatusCodes.Status404NotFound, JsonAnswer.ContentType);

    private async Task OverviewAsync(HttpResponse response, CancellationToken cancellation)
    {
        var meters = await _reader.MeterNamesAsync(cancellation).ConfigureAwait(false);
        var span = await _reader.SpanAsync(cancellation).ConfigureAwait(false);
        var zone = _reader.Zone;
        await JsonAnswer.WriteAsync(response, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("zone", zone.Id);
            writer.WriteStartArray("meters");
            foreach (var meter in meters)
            {
                writer.WriteStringValue(meter);
            }

            writer.WriteEndArray();
            JsonColumns.TextOrNull(writer, "first", span is null ? null : HistoryTime.ToIso(span.First, zone));
            JsonColumns.TextOrNull(writer, "last", span is null ? null : HistoryTime.ToIso(span.Last, zone));
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private async Task EnergyAsync(string name, HttpRequest request, HttpResponse response, CancellationToken cancellation)
    {
        if (!await KnownAsync(name, response, cancellation).ConfigureAwait(false))
        {
            return;
        }

        var resolutionText = Query(request, "resolution") ?? "hour";
        if (!AggregateResolutionNames.TryParse(resolutionText, out var resolution))
        {
            await JsonAnswer.BadRequestAsync(response, $"resolution '{resolutionText}' is not a resolution; give {AggregateResolutionNames.Valid}").ConfigureAwait(false);
            return;
        }

        if (RangeProblem(request, _reader.Today(), r => RangeCap.Check(resolution, r), out var range) is { } problem)
        {
            await JsonAnswer.BadRequestAsync(response, problem).ConfigureAwait(false);
            return;
        }

        var periods = await _reader.AggregatesAsync(name, resolution, range, cancellation).ConfigureAwait(false);
        await JsonAnswer.WriteAsync(response, writer => EnergyAnswer.Write(writer, name, resolution, range, _reader.Zone, periods)).ConfigureAwait(false);
    }

    private async Task PowerAsync(string name, HttpRequest request, HttpResponse response, CancellationToken cancellation)
    {
        if (!await KnownAsync(name, response, cancellation).ConfigureAwait(false))
        {
            return;
        }

        var now = _reader.Now;
        var lastDay = new HistoryRange(now - TimeSpan.FromDays(1), now);
        if (RangeProblem(request, lastDay, r => RangeCap.Check(r, PowerAnswer.Cap, "power"), out var range) is { } problem)
        {
            await JsonAnswer.BadRequestAsync(response, problem).ConfigureAwait(false);
            return;
        }

        var minutes = await _reader.MinutesAsync(name, range, cancellation).ConfigureAwait(false);
        await JsonAnswer.WriteAsync(response, writer => PowerAnswer.Write(writer, name, range, _reader.Zone, minutes)).ConfigureAwait(false);
    }

    private async Task CapacityAsync(string name, HttpRequest request, HttpResponse response, CancellationToken cancellation)
    {
        if (!await KnownAsync(name, response, cancellation).ConfigureAwait(false))
        {
            return;
        }

        var zone = _reader.Zone;
        var now = _reader.Now;
        var monthText = Query(request, "month");
        var start = HistoryTime.StartOfMonth(now, zone);
        if (monthText is not null && !(HistoryTime.TryParse(monthText, zone, out start, out var unit) && unit == CalendarUnit.Month))
        {
            await JsonAnswer.BadRequestAsync(response, $"month '{monthText}' is not a month; give YYYY-MM, as in 2025-03").ConfigureAwait(false);
            return;
        }

        var month = new HistoryRange(start, HistoryTime.EndOf(start, CalendarUnit.Month, zone));
        var hours = await _reader.AggregatesAsync(name, AggregateResolution.Hour, month, cancellation).ConfigureAwait(false);
        var day = HistoryTime.LocalDate(start, zone);
        var current = now >= month.From && now < month.To
            ? await ProjectAsync(name, now, day, hours, cancellation).ConfigureAwait(false)
            : null;
        await JsonAnswer.WriteAsync(response, writer => CapacityAnswer.Write(writer, day, zone, hours, current)).ConfigureAwait(false);
    }

    private async Task CostAsync(string name, HttpRequest request, HttpResponse response, CancellationToken cancellation)
    {
        if (!await KnownAsync(name, response, cancellation).ConfigureAwait(false))
        {
            return;
        }

        if (_cost is null || _reader.Store is not { } store)
        {
            await JsonAnswer.NotConfiguredAsync(response, _cost is null ? NoCost : NoStore).ConfigureAwait(false);
            return;
        }

        // The hour under way as the capacity endpoint projects it: its import so far is the live estimate
        // the cost of this hour and the headroom start from.
        var zone = _reader.Zone;
        var now = _reader.Now;
        var month = _reader.ThisMonth();
        var hours = await _reader.AggregatesAsync(name, AggregateResolution.Hour, month, cancellation).ConfigureAwait(false);
        var current = await ProjectAsync(name, now, HistoryTime.LocalDate(month.From, zone), hours, cancellation).ConfigureAwait(false);
        CostSnapshot cost;
        try
        {
            cost = await _cost.ComputeAsync(store, name, now, current.ImportKwh, cancellation).ConfigureAwait(false);
        }
        catch (ArgumentException problem)
        {
            // The rates han ships or the grid tariff do not cover today (a new year's rate, a tariff that ended):
            // say so and what to do, rather than fail the request without a word.
            await JsonAnswer.CannotComputeAsync(response, $"the cost cannot be computed now: {problem.Message}").ConfigureAwait(false);
            return;
        }

        await JsonAnswer.WriteAsync(response, writer => CostAnswer.Write(writer, name, zone, cost)).ConfigureAwait(false);
    }

    /// <summary>The hour under way against the month's hours: so far, and projected with the live power.</summary>
    private async Task<CurrentHour> ProjectAsync(string name, DateTimeOffset now, DateOnly month, IReadOnlyList<EnergyAggregate> hours, CancellationToken cancellation)
    {
        var hourStart = CapacityReckoning.HourStart(now);
        var minutes = await _reader.MinutesAsync(name, new HistoryRange(hourStart, now + TimeSpan.FromMinutes(1)), cancellation).ConfigureAwait(false);
        var live = _live.TryGetValue(name, out var meter) ? meter.Snapshot().State : null;
        return CapacityReckoning.Project(now, month, _reader.Zone, hours, minutes, live);
    }

    private async Task FlagsAsync(string name, HttpRequest request, HttpResponse response, CancellationToken cancellation)
    {
        if (!await KnownAsync(name, response, cancellation).ConfigureAwait(false))
        {
            return;
        }

        if (RangeProblem(request, _reader.ThisMonth(), _ => null, out var range) is { } problem)
        {
            await JsonAnswer.BadRequestAsync(response, problem).ConfigureAwait(false);
            return;
        }

        var hours = await _reader.AggregatesAsync(name, AggregateResolution.Hour, range, cancellation).ConfigureAwait(false);
        await JsonAnswer.WriteAsync(response, writer => FlagsAnswer.Write(writer, name, range, _reader.Zone, hours)).ConfigureAwait(false);
    }

    /// <summary>True for a configured or stored meter; else answers 404 naming the meters there are.</summary>
    private async Task<bool> KnownAsync(string name, HttpResponse response, CancellationToken cancellation)
    {
        if (_live.ContainsKey(name))
        {
            return true;
        }

        var meters = await _reader.MeterNamesAsync(cancellation).ConfigureAwait(false);
        if (meters.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        await JsonAnswer.NoSuchMeterAsync(response, name, meters).ConfigureAwait(false);
        return false;
    }

    /// <summary>The range of <c>from</c> and <c>to</c>, or why it is refused: not a time, not in order, or past the endpoint's <paramref name="cap"/>.</summary>
    private string? RangeProblem(HttpRequest request, HistoryRange defaults, Func<HistoryRange, string?> cap, out HistoryRange range)
    {
        if (!HistoryRange.TryParse(Query(request, "from"), Query(request, "to"), _reader.Zone, defaults, ("from", "to"), out var parsed, out var problem))
        {
            range = defaults;
            return problem;
        }

        range = parsed;
        return cap(parsed);
    }

    /// <summary>The parameter's first value; null when absent or empty (<c>?from=</c> means the default).</summary>
    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;
}
