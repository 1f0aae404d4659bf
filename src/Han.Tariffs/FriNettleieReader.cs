using Han.Pricing;
using Han.Tariffs.FriNettleie;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Han.Tariffs;

/// <summary>
/// Reads a grid company's tariffs in fri-nettleie's YAML format (github.com/kraftsystemet/fri-nettleie,
/// schema tariff.cue <c>#Selskap</c>, example tariff-eksempel.yml) into the cost engine's
/// <see cref="GridTariff"/>: the tariffs for households (<c>husholdning</c>) and holiday homes
/// (<c>fritid</c>) with their validity. Everything else a file says that could change a price is either
/// read or refused with a <see cref="TariffFormatException"/>; nothing is dropped in silence.
/// </summary>
public static class FriNettleieReader
{
    /// <summary>Reads a file's text; <paramref name="source"/> names it in errors and in <see cref="GridTariff.Source"/>.</summary>
    public static GridTariff Read(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        return Read(yaml, source, source);
    }

    /// <summary>Reads a file whose <see cref="GridTariff.Source"/> should say more than its name (the credit of a shipped file).</summary>
    internal static GridTariff Read(string yaml, string source, string credit)
    {
        var root = FriNode.Root(source, Parse(yaml, source));
        root.AllowOnly("netteier", "gln", "mga", "sist_oppdatert", "kilder", "tariffer");
        var company = root.Required("netteier", "the grid company's name, e.g. Elvia AS").Text("a name").Trim();

        // gln and mga identify the company and its areas in Elhub; han takes the tariff by file, so they
        // are only checked to be lists of text. tariff.cue requires gln and kilder, but a user's own file
        // does not need them to be costed.
        Texts(root.Optional("gln"), "GLN numbers", "a GLN number");
        Texts(root.Optional("mga"), "metering grid area codes", "a metering grid area code");
        var updated = root.Optional("sist_oppdatert")?.Date("the date the tariffs were last checked, YYYY-MM-DD");
        var sources = Texts(root.Optional("kilder"), "links", "a link");

        var entries = root.Required("tariffer", "a list of tariffs (gyldig_fra, kundegrupper, energiledd, fastledd)")
            .Items("tariffs (gyldig_fra, kundegrupper, energiledd, fastledd)")
            .Select(node => (Node: node, Period: TariffEntryReader.Read(node), Name: node.Optional("navn")?.Text("a name")))
            .Where(e => e.Period is not null)
            .Select(e => new TariffEntry(e.Node, e.Period!, e.Name))
            .ToList();
        if (entries.Count == 0)
        {
            throw root.Required("tariffer", string.Empty).Invalid("has no tariff for husholdning or fritid; han costs households and holiday homes, so the file needs at least one tariff whose kundegrupper include one of them");
        }

        OverlapCheck.Refuse(entries);
        return new GridTariff(company, [.. entries.Select(e => e.Period)], Describe(credit, updated, sources));
    }

    private static YamlNode Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException problem)
        {
            throw new TariffFormatException(
                $"{source} line {problem.Start.Line}, column {problem.Start.Column}: this is not valid YAML ({problem.InnerException?.Message ?? problem.Message}); a tariff file is YAML as in fri-nettleie's tariff-eksempel.yml",
                problem)
            {
                Document = source,
                Line = (int)problem.Start.Line,
            };
        }
        catch (InvalidOperationException problem)
        {
            // YamlDotNet 18 throws this, without a position, for a file that ends inside a flow list
            // ("dager: [virkedag" with no closing bracket).
            throw new TariffFormatException(
                $"{source}: this is not valid YAML ({problem.Message}); look for a [ or {{ without its ] or }}, e.g. near the end of the file",
                problem)
            {
                Document = source,
            };
        }

        if (stream.Documents.Count != 1)
        {
            var holds = stream.Documents.Count == 0 ? "is empty" : $"holds {stream.Documents.Count} YAML documents";
            throw new TariffFormatException($"{source}: {holds}; a tariff file holds one company (netteier, tariffer, ...), as fri-nettleie's tariff-eksempel.yml")
            {
                Document = source,
            };
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>The texts of an optional list (empty when it is missing).</summary>
    private static List<string> Texts(FriNode? list, string items, string item) =>
        list?.Items(items).Select(node => node.Text(item)).ToList() ?? [];

    private static string Describe(string credit, DateOnly? updated, List<string> sources)
    {
        var text = credit;
        if (updated is { } day)
        {
            text += $"; sist_oppdatert {day:yyyy-MM-dd}";
        }

        if (sources.Count > 0)
        {
            text += $"; kilder: {string.Join(", ", sources)}";
        }

        return text;
    }
}
