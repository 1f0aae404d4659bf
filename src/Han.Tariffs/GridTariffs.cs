using Han.Pricing;

namespace Han.Tariffs;

/// <summary>
/// The grid tariffs han ships (fri-nettleie's files, unmodified, Data/README.md) and the way to name
/// one: a company's short name ("elvia") or the path of a user's own file in the same format.
/// </summary>
public static class GridTariffs
{
    private const string ResourcePrefix = "Han.Tariffs.Data.";

    private const string Extension = ".yml";

    /// <summary>The fri-nettleie commit the shipped files were copied from (Data/README.md).</summary>
    internal const string Commit = "b9531c7c70bc0521fdd43104c3180a323849d645";

    /// <summary>The credit CC-BY-4.0 asks for, as fri-nettleie's README words it: "Fri nettleie", with a link.</summary>
    internal const string Credit = "Fri nettleie (https://github.com/kraftsystemet/fri-nettleie), CC-BY-4.0";

    /// <summary>The names of the shipped companies, e.g. "elvia", "bkk", "tensio-tn" (file names without .yml).</summary>
    public static IReadOnlyList<string> Shipped { get; } =
    [
        .. typeof(GridTariffs).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^Extension.Length])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// A shipped company by name (case-insensitive), or a path to a user's own fri-nettleie YAML file
    /// (anything ending in .yml/.yaml or containing a '/'). Unknown names: <see cref="TariffFormatException"/>
    /// listing the shipped names and saying a file of the same format may be given.
    /// </summary>
    public static GridTariff Resolve(string companyOrFile)
    {
        ArgumentNullException.ThrowIfNull(companyOrFile);
        var given = companyOrFile.Trim();
        if (IsPath(given))
        {
            return FriNettleieReader.Read(ReadFile(given), given);
        }

        var name = Shipped.FirstOrDefault(s => string.Equals(s, given, StringComparison.OrdinalIgnoreCase))
            ?? throw new TariffFormatException(
                $"\"{companyOrFile}\" is not a grid company han ships; valid: {string.Join(", ", Shipped)}, or the path of a file describing your company's tariff in fri-nettleie's format (ending in .yml or .yaml, docs/tariffs.md)")
            {
                Value = companyOrFile,
            };
        return FriNettleieReader.Read(ShippedText(name), $"tariffer/{name}.yml (shipped)", $"{Credit}: tariffer/{name}.yml at {Commit[..7]}, unmodified");
    }

    /// <summary>The text of a shipped file, exactly as fri-nettleie published it.</summary>
    internal static string ShippedText(string name)
    {
        using var stream = typeof(GridTariffs).Assembly.GetManifestResourceStream(ResourcePrefix + name + Extension)
            ?? throw new InvalidOperationException($"The shipped tariff {name} is missing from Han.Tariffs; the build embeds Data/*.yml.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static bool IsPath(string given) =>
        given.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || given.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || given.Contains('/', StringComparison.Ordinal)
        || given.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException problem)
        {
            throw Unreadable(path, problem);
        }
        catch (UnauthorizedAccessException problem)
        {
            throw Unreadable(path, problem);
        }
    }

    private static TariffFormatException Unreadable(string path, Exception problem)
    {
        var what = problem is FileNotFoundException or DirectoryNotFoundException ? "there is no file here"
            : Directory.Exists(path) ? "this is a folder, not a file"
            : $"it cannot be read ({problem.Message})";
        return new TariffFormatException(
            $"{path}: {what}; give the path of a tariff file in fri-nettleie's format (docs/tariffs.md), or one of the shipped companies: {string.Join(", ", Shipped)}",
            problem)
        {
            Document = path,
        };
    }
}
