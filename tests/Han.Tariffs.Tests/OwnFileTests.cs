using Han.Pricing;
using Han.TestCorpus;

namespace Han.Tariffs.Tests;

/// <summary>A user's own file in fri-nettleie's format, given by path or as text.</summary>
public sealed class OwnFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("han-tariffs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("min-nettleie.yml")]
    [InlineData("min-nettleie.YAML")]
    public void Resolve_PathOfOwnFile_ReadsIt(string name)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, OwnFile.Text);

        var tariff = GridTariffs.Resolve(path);

        Assert.Equal("Eksempel Nett AS", tariff.Company);
        var period = Assert.Single(tariff.Periods);
        Assert.Equal(new DateOnly(2026, 1, 1), period.ValidFrom);
        Assert.Null(period.ValidTo);
        Assert.Equal(new[] { CustomerGroup.Household, CustomerGroup.HolidayHome }, period.CustomerGroups);
        Assert.Equal(12.5m, period.Energy.BaseOrePerKwh);
        Assert.Equal(120m, period.Capacity.StepFor(4.99m).Step.NokPerMonth);
        Assert.Equal(336m, period.Capacity.StepFor(5m).Step.NokPerMonth);
        Assert.StartsWith(path, tariff.Source, StringComparison.Ordinal);
        Assert.Contains("https://example.com/nettleie", tariff.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PathWithoutExtension_IsReadAsAFile()
    {
        var path = Path.Combine(_folder, "tariff");
        File.WriteAllText(path, OwnFile.Text);

        Assert.Equal("Eksempel Nett AS", GridTariffs.Resolve(path).Company);
    }

    [Fact]
    public void Resolve_MissingFile_SaysSoAndNamesTheShippedCompanies()
    {
        var path = Path.Combine(_folder, "finnes-ikke.yml");

        var error = Assert.Throws<TariffFormatException>(() => GridTariffs.Resolve(path));

        Assert.Equal(path, error.Document);
        Assert.Contains("there is no file here", error.Message, StringComparison.Ordinal);
        Assert.Contains("elvia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Folder_SaysItIsNotAFile()
    {
        var error = Assert.Throws<TariffFormatException>(() => GridTariffs.Resolve(_folder + "/"));

        Assert.Contains("this is a folder, not a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OwnFileForAHolidayHome_UsesTheFritidTariff()
    {
        var tariff = FriNettleieReader.Read(OwnFile.Text, "own.yml");
        var hours = Oslo.Month(2026, 2, _ => 1m);

        var report = Costing.Month(tariff, 2026, 2, hours, Residence.HolidayHome);

        // February 2026: 20 working days of 16 hours at the day price.
        Assert.Equal(20m * 16m, report.EnergyKwh("Dag"));
        Assert.Equal(120m, Assert.Single(Assert.Single(report.Capacity).Segments).NokPerMonthExVat);
    }

    [Fact]
    public void Read_TariffsOnlyForBusinesses_AreLeftOut()
    {
        var yaml = OwnFile.Text + """

              - kundegrupper: [liten_næring]
                gyldig_fra: 2026-01-01
                energiledd:
                  grunnpris: 99
                fastledd:
                  metode: UKJENT
                  terskel_inkludert: null
                  terskler: []
            """;

        var tariff = FriNettleieReader.Read(yaml, "with-business.yml");

        Assert.Equal(12.5m, Assert.Single(tariff.Periods).Energy.BaseOrePerKwh);
    }

    [Fact]
    public void Read_SeveralTariffsInTime_KeepsEachWithItsDates()
    {
        var yaml = OwnFile.With("gyldig_fra: 2026-01-01", "gyldig_fra: 2026-01-01\n    gyldig_til: 2026-07-01") + """

              - kundegrupper: [husholdning, fritid]
                gyldig_fra: 2026-07-01
                energiledd:
                  grunnpris: 14
                fastledd:
                  metode: MND_MAX
                  terskel_inkludert: false
                  terskler:
                    - terskel: 0
                      pris: 1800
            """;

        var tariff = FriNettleieReader.Read(yaml, "two.yml");

        Assert.Equal(12.5m, tariff.PeriodFor(new DateOnly(2026, 6, 30), CustomerGroup.Household).Energy.BaseOrePerKwh);
        var july = tariff.PeriodFor(new DateOnly(2026, 7, 1), CustomerGroup.HolidayHome);
        Assert.Equal(14m, july.Energy.BaseOrePerKwh);
        Assert.Empty(july.Energy.Rules);
        Assert.Equal(CapacityMethod.MonthlyMaximum, july.Capacity.Method);
        Assert.False(july.Capacity.ThresholdIncluded);
    }

    [Fact]
    public void Read_DocsExample_IsATariffHanReads()
    {
        var docs = File.ReadAllText(Path.Combine(Vectors.RepositoryRoot(), "docs", "tariffs.md"));
        var start = docs.IndexOf("```yaml\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/tariffs.md has a ```yaml example");
        var body = docs[(start + 8)..];
        var example = body[..body.IndexOf("```", StringComparison.Ordinal)];

        var tariff = FriNettleieReader.Read(example, "docs/tariffs.md");

        Assert.NotEmpty(tariff.Periods);
        Assert.NotEmpty(tariff.Periods[0].Energy.Rules);
    }
}
