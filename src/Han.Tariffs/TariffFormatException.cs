namespace Han.Tariffs;

/// <summary>
/// A grid tariff that cannot be used: a file that is not fri-nettleie's format, a value han cannot
/// read, something the cost engine cannot express, or a company han does not ship. The message names
/// the file and line, the key path (<c>tariffer[2].fastledd.metode</c>), the bad value and what would be
/// valid, so a user can fix their file without reading the code.
/// </summary>
public sealed class TariffFormatException : Exception
{
    public TariffFormatException()
    {
    }

    public TariffFormatException(string message)
        : base(message)
    {
    }

    public TariffFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file or shipped company the problem is in (as given to the reader).</summary>
    public string? Document { get; init; }

    /// <summary>The key path of the bad value (<c>tariffer[0].energiledd.unntak[1].timer</c>); null for the whole file.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The bad value as written; null when the key is missing.</summary>
    public string? Value { get; init; }

    /// <summary>The 1-based line of the bad value; null when no line applies.</summary>
    public int? Line { get; init; }
}
