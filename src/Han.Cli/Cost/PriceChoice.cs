namespace Han.Cli.Cost;

/// <summary>Where han cost takes spot prices from (<c>--prices</c>).</summary>
internal enum PriceChoiceKind
{
    /// <summary>The store's cache, with missing days fetched from the configured source (or hvakosterstrommen.no) into it.</summary>
    Store,

    /// <summary>A CSV or JSON file.</summary>
    File,

    /// <summary>hvakosterstrommen.no, no key.</summary>
    HvaKosterStrommen,

    /// <summary>The ENTSO-E Transparency Platform, with the configuration's token.</summary>
    Entsoe,
}

/// <param name="Path">The file, with <see cref="PriceChoiceKind.File"/>.</param>
internal sealed record PriceChoice(PriceChoiceKind Kind, string? Path = null);
