using Han.Cli.Configuration;
using Han.Cli.Io;
using Han.Cli.Live;
using Han.Live;
using Han.Live.Fanout;
using Han.Pipeline;
using Han.Sources.Live;
using Han.Sources.Serial;
using Microsoft.Extensions.Hosting;

namespace Han.Cli.Service;

/// <summary>
/// One meter of <c>han run</c> (DESIGN.md §1.1): its source, decoder, live state and fan-out to its
/// outputs, on its own task, so a failing meter never stops another. Its source recovers by itself from
/// what a line does (an unplugged adapter, a restarted bridge); what it cannot fix (no such device yet,
/// no permission) is told and tried again every <see cref="RetryAfter"/>, since a service must outlive
/// an adapter that is plugged in after boot or a group that is granted later.
/// </summary>
internal sealed class MeterPipeline(MeterConfiguration meter, MeterFanOut fanOut, MeterStats stats, StandardStreams streams, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>How often an unchanged failure to open the source is told again (once an hour, not every retry).</summary>
    private static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(1);

    private readonly MeterState _state = new(new MeterStateOptions { Scale = meter.Scale });
    private volatile IByteSource? _source;

    public string Name => meter.Name;

    public MeterStats Stats => stats;

    public MeterFanOut FanOut => fanOut;

    /// <summary>The serial line setting in use (<c>2400 8E1</c>), configured or found by auto-detection; null before it is found and for sources without one.</summary>
    public string? LineSettings => (meter.Line ?? (_source as SerialSource)?.Settings)?.ToString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start at once: the first read may wait for a device for a long time.
        await Task.Yield();
        string? lastFailure = null;
        var lastTold = DateTimeOffset.MinValue;
        var options = new DecoderOptions(meter.Country, meter.Key, meter.AuthenticationKey);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadAsync(options, stoppingToken).ConfigureAwait(false);
                Tell($"{meter.Source.Text} has ended; nothing more will be read for this meter", NoteLevel.Warning);
                stats.MarkEnded();
                return;
            }
            catch (Exception problem) when (problem is SourceUnavailableException || IoFailure.Is(problem) || problem is InvalidDataException)
            {
                stats.State = "unavailable";
                var now = clock.GetUtcNow();
                if (problem.Message != lastFailure || now - lastTold >= RepeatAfter)
                {
                    Tell($"{meter.Source.Text}: {problem.Message}; trying again every {RetryAfter.TotalSeconds:0} s", NoteLevel.Error);
                    (lastFailure, lastTold) = (problem.Message, now);
                }

                await Task.Delay(RetryAfter, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReadAsync(DecoderOptions options, CancellationToken stoppingToken)
    {
        var observer = new PipelineObserver(meter.Name, _state, fanOut, stats, clock);
        using var decoder = new StreamDecoder(observer, options);
        var source = await SourceFactory.CreateAsync(meter.Source, meter.Line, streams, clock, Report, stoppingToken).ConfigureAwait(false);
        _source = source;
        await foreach (var chunk in source.ReadAsync(stoppingToken).ConfigureAwait(false))
        {
            fanOut.Publish(new BytesReceived(meter.Name, chunk.ReceivedAt, chunk.Bytes));
            decoder.Add(chunk);
            Count(decoder);
        }

        decoder.End(); // a file has ended: what is held is its end
        Count(decoder);
    }

    private void Count(StreamDecoder decoder)
    {
        stats.Framing(decoder.Counters.Framing);
    }

    private void Report(SourceEvent change)
    {
        stats.State = SourceStateText.Of(change.State);
        if (change.State != SourceState.Connecting)
        {
            // Connecting is in the state; a line per attempt would fill the journal during a long outage.
            Tell(change.Message, change.State == SourceState.Disconnected ? NoteLevel.Warning : NoteLevel.Information);
        }
    }

    private void Tell(string text, NoteLevel level) => fanOut.Publish(new LineNote(meter.Name, clock.GetUtcNow(), text, level));
}
