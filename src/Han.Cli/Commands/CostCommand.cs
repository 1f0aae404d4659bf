using System.CommandLine;
using System.Text;
using Han.Cli.Cost;
using Han.Cli.Io;
using Han.Pricing;
using Han.Storage;

namespace Han.Cli.Commands;

/// <summary>
/// <c>han cost [--month YYYY-MM | --from DATE --to DATE] [--consumption CSV] [--prices CSV|hvakosterstrommen|entsoe]
/// [--zone NO1..NO5] [--grid COMPANY|TARIFF.yaml] [--support ...] [--region ...] [--markup ORE]
/// [--supplier-fee NOK] [--format text|json]</c> (DESIGN.md §2.3; docs/cost.md): the electricity bill of
/// a period, from the store's hours (or a CSV) and the spot prices, line by line as the supplier and the
/// grid company invoice it. Exit code 0 when costed (what is missing or estimated is said in the output);
/// 64 for an option's bad value; 78 when the configuration cannot be read; 1 when the store, the
/// consumption or the prices cannot be read, or the rates do not cover the period.
/// </summary>
internal static class CostCommand
{
    public static Command Create(StandardStreams streams, TimeProvider clock)
    {
        var arguments = new CostArguments();
        var command = new Command("cost", "The electricity bill of a month or any period from the store's hours (or a CSV): spot price, markup, the grid tariff with its capacity step, elavgift, Enova, VAT, and strømstøtte or Norgespris, line by line. Markup and fees are entered EXCLUDING VAT.");
        arguments.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NorwaySettings.Oslo).DateTime);
            var (job, problem, inConfiguration) = arguments.Read(parse, today);
            if (job is null)
            {
                await streams.Error.WriteLineAsync("han cost: " + problem).ConfigureAwait(false);
                return inConfiguration ? RunCommand.ConfigurationError : ExportCommand.UsageError;
            }

            return await CostAsync(job, streams, clock, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> CostAsync(CostJob job, StandardStreams streams, TimeProvider clock, CancellationToken cancellation)
    {
        IHistoryStore? store = null;
        if (job.Store is not null)
        {
            store = await StoreReading.OpenAsync(job.Store, "han cost", streams.Error, cancellation).ConfigureAwait(false);
            if (store is null)
            {
                return 1;
            }
        }

        await using (store)
        {
            string? meter = null;
            if (job.ConsumptionFile is null)
            {
                var (chosen, refusal) = await StoreReading.ChooseMeterAsync(store!, job.Meter, cancellation).ConfigureAwait(false);
                if (chosen is null)
                {
                    await streams.Error.WriteLineAsync("han cost: " + refusal).ConfigureAwait(false);
                    return ExportCommand.UsageError;
                }

                meter = chosen;
            }

            var inputs = new CostInputs(job, streams.Error, clock);
            var energy = await inputs.ReadEnergyAsync(store, meter, cancellation).ConfigureAwait(false);
            var prices = energy is null ? null : await inputs.ReadPricesAsync(store, cancellation).ConfigureAwait(false);
            if (energy is null || prices is null)
            {
                return 1;
            }

            CostReport report;
            try
            {
                report = job.Settings.Profile().Engine.Compute(new CostRequest(job.Period, energy, prices) { ExpectedUntil = clock.GetUtcNow() });
            }
            catch (ArgumentException problem)
            {
                // The rates or the tariff do not cover the period, or the consumption does not fit it.
                await streams.Error.WriteLineAsync("han cost: " + problem.Message).ConfigureAwait(false);
                return 1;
            }

            await WriteAsync(new CostOutcome(report, meter, job.Settings), job, streams).ConfigureAwait(false);
            return 0;
        }
    }

    private static async Task WriteAsync(CostOutcome outcome, CostJob job, StandardStreams streams)
    {
        if (job.Json)
        {
            CostJson.Write(streams.Output, outcome);
        }
        else
        {
            var text = CostText.Render(outcome, job.Settings.TimeZone);
            await streams.Output.WriteAsync(new UTF8Encoding(false).GetBytes(text)).ConfigureAwait(false);
        }

        await streams.Output.FlushAsync().ConfigureAwait(false);
    }
}
