namespace Han.Storage;

/// <summary>The price cache of a store opened by <see cref="HistoryStores"/>: the same database, the same connections.</summary>
public static class PriceStores
{
    /// <summary>The prices kept in <paramref name="history"/>'s database.</summary>
    public static IPriceStore Of(IHistoryStore history) =>
        history as IPriceStore ?? throw new ArgumentException($"this history store ({history?.GetType().Name}) keeps no prices; open one with HistoryStores", nameof(history));
}
