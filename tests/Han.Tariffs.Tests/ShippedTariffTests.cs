using System.Security.Cryptography;
using Han.Pricing;
using Han.TestCorpus;

namespace Han.Tariffs.Tests;

/// <summary>The six companies han ships: each reads, is named as users write it, and is fri-nettleie's file unmodified.</summary>
public class ShippedTariffTests
{
    public static TheoryData<string> Names => [.. GridTariffs.Shipped];

    [Fact]
    public void Shipped_Always_IsTheSixCompaniesOfPricingMd() =>
        Assert.Equal(new[] { "bkk", "elvia", "lede", "norgesnett", "tensio-tn", "tensio-ts" }, GridTariffs.Shipped);

    [Theory]
    [MemberData(nameof(Names))]
    public void Resolve_ShippedCompany_ReadsHouseholdTariffsWithTheirDates(string name)
    {
        var tariff = GridTariffs.Resolve(name);

        Assert.False(string.IsNullOrWhiteSpace(tariff.Company));
        Assert.Equal(tariff.Company.Trim(), tariff.Company);
        Assert.NotEmpty(tariff.Periods);
        Assert.All(tariff.Periods, p => Assert.Contains(CustomerGroup.Household, p.CustomerGroups));
        Assert.Null(tariff.Periods[^1].ValidTo);

        // Tariffs follow one another without a gap: the day one ends is the day the next starts.
        foreach (var (earlier, later) in tariff.Periods.Zip(tariff.Periods.Skip(1)))
        {
            Assert.Equal(earlier.ValidTo, later.ValidFrom);
        }
    }

    [Theory]
    [InlineData("BKK")]
    [InlineData(" Tensio-TN ")]
    public void Resolve_NameInAnotherCase_IsTheShippedCompany(string given) =>
        Assert.Equal(GridTariffs.Resolve(given.Trim().ToLowerInvariant()).Company, GridTariffs.Resolve(given).Company);

    [Fact]
    public void Resolve_UnknownCompany_ListsTheShippedOnesAndSaysAFileMayBeGiven()
    {
        var error = Assert.Throws<TariffFormatException>(() => GridTariffs.Resolve("glitre"));

        Assert.Equal("glitre", error.Value);
        Assert.Contains("bkk, elvia, lede, norgesnett, tensio-tn, tensio-ts", error.Message, StringComparison.Ordinal);
        Assert.Contains("fri-nettleie's format", error.Message, StringComparison.Ordinal);
        Assert.Contains(".yml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ShippedFile_Always_IsUnmodifiedAsTheCreditStates(string name)
    {
        var credit = File.ReadAllText(Path.Combine(Vectors.RepositoryRoot(), "src", "Han.Tariffs", "Data", "README.md"));
        using var resource = typeof(GridTariffs).Assembly.GetManifestResourceStream($"Han.Tariffs.Data.{name}.yml");
        Assert.NotNull(resource);

        var hash = Convert.ToHexStringLower(SHA256.HashData(resource));

        Assert.Contains($"| {name}.yml |", credit, StringComparison.Ordinal);
        Assert.Contains($"| {hash} |", credit, StringComparison.Ordinal);
        Assert.Contains(GridTariffs.Commit, credit, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ShippedTensio_NamesTheFileInItsSource()
    {
        var tariff = GridTariffs.Resolve("tensio-ts");

        Assert.Equal("Tensio TS AS", tariff.Company);
        Assert.Contains($"tariffer/tensio-ts.yml at {GridTariffs.Commit[..7]}, unmodified", tariff.Source, StringComparison.Ordinal);
    }
}
