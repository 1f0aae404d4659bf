using Han.Pricing;

namespace Han.Tariffs.FriNettleie;

/// <summary>A tariff read from a file with where it was written and its navn, so that errors about two tariffs can point at both.</summary>
internal sealed record TariffEntry(FriNode Node, GridTariffPeriod Period, string? Name)
{
    public string Describe() => Name is null ? $"{Node.Path} (line {Node.Line})" : $"{Node.Path} \"{Name}\" (line {Node.Line})";
}
