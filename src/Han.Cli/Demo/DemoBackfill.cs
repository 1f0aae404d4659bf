using System.Threading.Channels;
using Han.Cli.Import;
using Han.Live;
using Han.Pipeline;
using Han.Readings;
using Han.Simulation;
using Han.Simulation.Vendors;
using Han.Sources.Live;
using Han.Storage;
using Han.Trust;

namespace Han.Cli.Demo;

/// <summary>
/// Fills the demo's store with the four weeks before now through the import path (<see cref="ListImporter"/>,
/// <see cref="HistoryImport"/>, then the aggregates), as <c>han import</c> of a capture would. Only the
/// 10-second lists (and the hourly ones) are written: Aidon's 2.5-second lists carry nothing but the
/// power again, and leaving them out makes the backfill four times quicker, so the demo serves within
/// seconds. The per-minute power of the history is therefore the mean of 6 lists a minute, not 24.
/// The meter is simulated on another thread while its lists are decoded and written (two cores, not one).
/// </summary>
internal static class DemoBackfill
{
    private const int Handover = 1000;

    public static Task<long> RunAsync(DemoMeter meter, IHistoryStore store, string meterName, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        return ImportAsync(meter.Until(now), store, meterName, now, zone, cancellationToken);
    }

    /// <summary>
    /// Imports a simulated meter's lists (all before <paramref name="now"/>) as the backfill does; also how
    /// the tests put a simulated month in a store (han cost's end-to-end test).
    /// </summary>
    public static async Task<long> ImportAsync(IEnumerable<Transmission> transmissions, IHistoryStore store, string meterName, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var history = new HistoryImport(store, new RawListRetention(TimeSpan.FromDays(DemoConfiguration.RawDays)).Cutoff(now));
        using var lists = new ListImporter(history, new DecoderOptions(Country.Parse("NO")), new MeterStateOptions(), zone, meterName);
        // Handed over a thousand lists at a time: one hand-over per list costs more than decoding it.
        var sent = Channel.CreateBounded<List<Transmission>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var simulating = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<Transmission>(Handover);
                    foreach (var transmission in transmissions)
                    {
                        if (transmission.Kind != ListKind.Power && transmission.Wire.Length > 0)
                        {
                            batch.Add(transmission);
                        }

                        if (batch.Count == Handover)
                        {
                            await sent.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                            batch = new List<Transmission>(Handover);
                        }
                    }

                    await sent.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    sent.Writer.Complete();
                }
            },
            cancellationToken);
        lists.BeginInput();
        await foreach (var batch in sent.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var transmission in batch)
            {
                await lists.AddAsync(new ReceivedChunk(transmission.Wire, transmission.Time), cancellationToken).ConfigureAwait(false);
            }
        }

        await simulating.ConfigureAwait(false);
        await lists.EndInputAsync(cancellationToken).ConfigureAwait(false);
        await lists.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await history.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await history.RefreshAggregatesAsync(new HistoryAggregator(store, new TrustOptions { Zone = zone }), cancellationToken).ConfigureAwait(false);
        return lists.Lists;
    }
}
