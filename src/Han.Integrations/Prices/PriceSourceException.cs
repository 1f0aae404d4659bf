namespace Han.Integrations.Prices;

/// <summary>
/// A price service could not give prices: it was away or answered something han cannot read, or refused
/// han (a wrong ENTSO-E token). The message names the service, what went wrong and what to do.
/// </summary>
public sealed class PriceSourceException : Exception
{
    public PriceSourceException()
    {
    }

    public PriceSourceException(string message)
        : base(message)
    {
    }

    public PriceSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when only the configuration can fix it (a refused token): retrying as it is will not help.</summary>
    public bool NeedsConfiguration { get; init; }
}
