namespace Han.Integrations.Prices;

/// <summary>
/// Prices from a local file (<see cref="PriceFile"/>), read at each fetch so an edited file is seen. A day
/// the file has no price of is "not published"; the file is taken as the user's, whatever the zone.
/// </summary>
public sealed class FilePriceSource(string path) : IPriceSource
{
    public string Name => "file";

    public string Path { get; } = path;

    public async Task<IReadOnlyList<SpotPrice>?> FetchDayAsync(BiddingZone zone, DateOnly day, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new PriceSourceException($"the price file {Path} cannot be read ({problem.Message}); check prices.file and that han's user may read it", problem);
        }

        var (start, end) = DeliveryDay.Bounds(day);
        var inDay = PriceFile.Parse(Path, text).Where(p => p.Start >= start && p.End <= end).ToList();
        return inDay.Count == 0 ? null : inDay;
    }
}
