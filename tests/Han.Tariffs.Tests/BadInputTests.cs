namespace Han.Tariffs.Tests;

/// <summary>
/// Each kind of bad input gives a <see cref="TariffFormatException"/> whose message names the file and
/// line, the key path, the bad value and what would be valid; nothing the engine cannot express is
/// dropped in silence.
/// </summary>
public class BadInputTests
{
    [Theory]
    // Keys fri-nettleie's format does not have.
    [InlineData("netteier: Eksempel Nett AS", "netteier: Eksempel Nett AS\nadresse: Storgata 1", "adresse", null, "valid keys: netteier, gln, mga, sist_oppdatert, kilder, tariffer")]
    [InlineData("pris: 25", "pris: 25\n          tillegg: 5", "tariffer[0].energiledd.unntak[0].tillegg", null, "valid keys: navn, timer, dager, måneder, pris")]
    // Capacity methods.
    [InlineData("TRE_DØGNMAX_MND", "UKJENT", "tariffer[0].fastledd.metode", "UKJENT", "no capacity step can be computed; find it on the company's pages (kilder) and write one of TRE_DØGNMAX_MND, MND_MAX, FEM_VEKTET_ÅR, OV_TREFASE")]
    [InlineData("TRE_DØGNMAX_MND", "TRE_DOGNMAX_MND", "tariffer[0].fastledd.metode", "TRE_DOGNMAX_MND", "valid: TRE_DØGNMAX_MND, MND_MAX, FEM_VEKTET_ÅR, OV_TREFASE")]
    // terskel_inkludert.
    [InlineData("terskel_inkludert: true", "terskel_inkludert: null", "tariffer[0].fastledd.terskel_inkludert", null, "is missing or null; it is required: true or false")]
    [InlineData("terskel_inkludert: true", "terskel_inkludert: ja", "tariffer[0].fastledd.terskel_inkludert", "ja", "must be true or false")]
    // Steps.
    [InlineData("- terskel: 0", "- terskel: 1", "tariffer[0].fastledd.terskler", null, "the lowest step starting at 1; the steps must start with terskel: 0")]
    [InlineData("- terskel: 5", "- terskel: 0", "tariffer[0].fastledd.terskler[1].terskel", "0", "is the lower bound of an earlier step too")]
    [InlineData("pris: 4032", "pris: -4032", "tariffer[0].fastledd.terskler[1].pris", "-4032", "is below 0; it must be the step's price in kr per year")]
    [InlineData("- terskel: 5", "- terskel: fem", "tariffer[0].fastledd.terskler[1].terskel", "fem", "is not a number; it must be the step's lower bound in kWh/h")]
    // Numbers, dates, hours, days, months, groups.
    [InlineData("grunnpris: 12.5", "grunnpris: 12,5", "tariffer[0].energiledd.grunnpris", "12,5", "with a point as the decimal separator: 12.5, not 12,5")]
    [InlineData("gyldig_fra: 2026-01-01", "gyldig_fra: 01.01.2026", "tariffer[0].gyldig_fra", "01.01.2026", "is not a date written as YYYY-MM-DD")]
    [InlineData("gyldig_fra: 2026-01-01", "gyldig_fra: 2026-01-01\n    gyldig_til: 2025-12-31", "tariffer[0].gyldig_til", "2025-12-31", "is not after gyldig_fra 2026-01-01")]
    [InlineData("timer: 6-21", "timer: 6-24", "tariffer[0].energiledd.unntak[0].timer", "6-24", "is not hours 0-23 as text: a range \"6-21\" (06:00 to 21:59)")]
    [InlineData("timer: 6-21", "timer: 06:00-22:00", "tariffer[0].energiledd.unntak[0].timer", "06:00-22:00", "a list \"0-5,22-23\"")]
    [InlineData("dager: [virkedag]", "dager: [lordag]", "tariffer[0].energiledd.unntak[0].dager[0]", "lordag", "valid: mandag, tirsdag, onsdag, torsdag, fredag, lørdag, søndag, ukedag, helg, helligdager, fridag, virkedag, alle")]
    [InlineData("dager: [virkedag]", "dager: virkedag", "tariffer[0].energiledd.unntak[0].dager", "virkedag", "is not a list; write it as a list of mandag")]
    [InlineData("dager: [virkedag]", "måneder: [jan]", "tariffer[0].energiledd.unntak[0].måneder[0]", "jan", "valid: januar, februar, mars")]
    [InlineData("kundegrupper: [husholdning, fritid]", "kundegrupper: [bolig]", "tariffer[0].kundegrupper[0]", "bolig", "valid: husholdning, fritid, liten_næring")]
    [InlineData("kundegrupper: [husholdning, fritid]", "kundegrupper: [liten_næring]", "tariffer", null, "has no tariff for husholdning or fritid")]
    [InlineData("kundegrupper: [husholdning, fritid]", "kundegrupper: []", "tariffer[0].kundegrupper", null, "at least one customer group (husholdning, fritid, liten_næring)")]
    // Missing and empty required keys.
    [InlineData("netteier: Eksempel Nett AS\n", "", "netteier", null, "is missing or null; it is required: the grid company's name")]
    [InlineData("      grunnpris: 12.5\n", "", "tariffer[0].energiledd.grunnpris", null, "is missing or null; it is required: a price in øre/kWh")]
    [InlineData("- navn: Dag", "- navn: ''", "tariffer[0].energiledd.unntak[0].navn", "", "is empty; give the name the company uses")]
    [InlineData("    energiledd:", "    energi:", "tariffer[0].energi", null, "is not a key of fri-nettleie's format here")]
    public void Read_BadValue_NamesKeyPathValueAndWhatIsValid(string from, string to, string keyPath, string? value, string valid)
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(OwnFile.With(from, to), "min.yml"));

        Assert.Equal(keyPath, error.KeyPath);
        Assert.Equal(value, error.Value);
        Assert.Equal("min.yml", error.Document);
        Assert.NotNull(error.Line);
        Assert.StartsWith($"min.yml line {error.Line}: {keyPath}", error.Message, StringComparison.Ordinal);
        Assert.Contains(valid, error.Message, StringComparison.Ordinal);
        if (value is not null)
        {
            Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_BadValue_PointsAtItsLine()
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(OwnFile.With("timer: 6-21", "timer: 25"), "min.yml"));

        var line = OwnFile.Text.Split('\n').ToList().FindIndex(l => l.Contains("timer:", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Read_NotYaml_SaysSoWithTheLine()
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(OwnFile.With("grunnpris: 12.5", "grunnpris: \"12.5"), "broken.yml"));

        Assert.Contains("broken.yml line", error.Message, StringComparison.Ordinal);
        Assert.Contains("this is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedListAtTheEnd_SaysWhatToLookFor()
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read("netteier: [Eksempel\ntariffer: x", "broken.yml"));

        Assert.Equal("broken.yml", error.Document);
        Assert.Contains("this is not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Contains("a [ or { without its ] or }", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKey_IsRefused()
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(OwnFile.With("grunnpris: 12.5", "grunnpris: 12.5\n      grunnpris: 13"), "min.yml"));

        Assert.Contains("min.yml line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("- a list\n- not a company")]
    [InlineData("netteier: A\n---\nnetteier: B")]
    public void Read_NotOneCompany_SaysWhatAFileHolds(string yaml)
    {
        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(yaml, "odd.yml"));

        Assert.Contains("odd.yml", error.Message, StringComparison.Ordinal);
        Assert.True(
            error.Message.Contains("holds one company", StringComparison.Ordinal) || error.Message.Contains("must be a mapping of keys", StringComparison.Ordinal),
            error.Message);
    }

    [Fact]
    public void Read_TwoTariffsForTheSameGroupAndDay_NamesBoth()
    {
        var yaml = OwnFile.Text + """

              - navn: Sør
                kundegrupper: [husholdning]
                gyldig_fra: 2026-03-01
                energiledd:
                  grunnpris: 14
                fastledd:
                  metode: TRE_DØGNMAX_MND
                  terskel_inkludert: true
                  terskler:
                    - terskel: 0
                      pris: 1800
            """;

        var error = Assert.Throws<TariffFormatException>(() => FriNettleieReader.Read(yaml, "areas.yml"));

        Assert.Equal("tariffer[1]", error.KeyPath);
        Assert.Contains("applies on 2026-03-01 to husholdning, as tariffer[0] (line 5) does", error.Message, StringComparison.Ordinal);
        Assert.Contains("Keep only your area's tariffs", error.Message, StringComparison.Ordinal);
    }
}
