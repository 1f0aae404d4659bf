using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary>
/// <c>han decode --format json</c> on every Norwegian capture gives the stated values, from binary and
/// from hex text, and a corrupted capture gives no reading but a clear error line (issue acceptance).
/// </summary>
public sealed class DecodeJsonTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var vector in Vectors.Norwegian)
        {
            data.Add(vector.Id, false);
            data.Add(vector.Id, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DecodeJson_NorwegianVector_PrintsStatedValues(string id, bool asHex)
    {
        var vector = Vectors.ById(id);
        var path = HanRunner.TempFile(vector.Input, asHex);

        var result = await HanRunner.Run("decode", "--format", "json", "--country", vector.Country, path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(vector.ExpectReadings, result.Readings.Count);
        if (vector.ExpectReadings == 0)
        {
            var error = Assert.Single(result.Errors.Take(1));
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
            Assert.Contains(error.GetProperty("layer").GetString(), new[] { "hdlc", "dlms", "axdr", "profile" });
            Assert.True(error.GetProperty("offset").GetInt64() >= 0);
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
            return;
        }

        var mismatches = ExpectedValues.Mismatches(vector, result.Readings[^1]);
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    public static TheoryData<string> EuropeanCases() => [.. Vectors.All.Where(c => c.Country != "NO").Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(EuropeanCases))]
    public async Task DecodeJson_EuropeanVectorWithItsKeys_PrintsStatedValuesAndNeverTheKeys(string id)
    {
        var vector = Vectors.ById(id);
        List<string> args = ["decode", "--format", "json", "--country", vector.Country, HanRunner.TempFile(vector.Input, asHex: true)];
        if (vector.KeyHex is { } key)
        {
            args.AddRange(["--key", key]);
        }

        if (vector.AuthKeyHex is { } authentication)
        {
            args.AddRange(["--auth-key", authentication]);
        }

        var result = await HanRunner.Run([.. args]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(vector.ExpectReadings, result.Readings.Count);
        if (vector.ExpectReadings > 0)
        {
            var mismatches = ExpectedValues.Mismatches(vector, result.Readings[^1]);
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        }

        foreach (var secret in new[] { vector.KeyHex, vector.AuthKeyHex }.OfType<string>())
        {
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DecodeJson_MeterTimeWithOffset_IsWrittenReadably()
    {
        var vector = Vectors.ById("austria-evn-doc-kaifa-ma309");

        var result = await HanRunner.Run("decode", "--format", "json", "--country", "AT", "--key", vector.KeyHex!, HanRunner.TempFile(vector.Input));

        Assert.Contains("\"meter_time\":\"2021-09-27T09:47:15+02:00\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_MalformedKey_FailsNamingTheOptionButNotTheValue()
    {
        const string Almost = "36C66639E48A8CA4D6BC8B282A793BB";

        var result = await HanRunner.Run("decode", "--key", Almost, HanRunner.TempFile([0x7E]));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--key has 31 hex digits; expected 32", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Almost, result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeJson_StandardInput_ReadsTheSameAsAFile()
    {
        var vector = Vectors.ById("roarfred-kamstrup-list1-3ph-2017-10-20");

        var fromStdin = await HanRunner.Run(vector.Input, "decode", "--format", "json", "-");
        var fromFile = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(vector.Input));

        Assert.Single(fromStdin.Readings);
        Assert.Equal(fromFile.Stdout, fromStdin.Stdout);
    }

    [Fact]
    public async Task DecodeJson_DamagedLine_DecodesEveryIntactFrame()
    {
        var capture = DamagedCapture.Build(RealFrames.NorwegianGoodFramesOf("Kamstrup"), 500, badFcsEvery: 10, cutShortEvery: 10, minGarbage: 1, maxGarbage: 80, seed: 99);

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(capture.ToArray()));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(capture.IntactFrameIndexes.Count, result.Readings.Count);
        Assert.Contains(result.Errors, e => e.GetProperty("error").GetString() == "bad_fcs");
        Assert.Contains(result.Errors, e => e.GetProperty("error").GetString() == "missing_closing_flag");
    }

    [Fact]
    public async Task DecodeJson_CountrySweden_ReadsKamstrupEnergyInWattHours()
    {
        var path = HanRunner.TempFile(Vectors.ById("amsreader-kamstrup-no-em001-1-list2").Input);

        var norway = await HanRunner.Run("decode", "--format", "json", path);
        var sweden = await HanRunner.Run("decode", "--format", "json", "--country", "se", path);

        // The register is 8582328: 10 Wh units in Norway, 1 Wh in Sweden (norway-lists.md §5).
        Assert.Equal(85823.28m, norway.Readings[0].GetProperty("active_energy_import").GetDecimal());
        Assert.Equal(8582.328m, sweden.Readings[0].GetProperty("active_energy_import").GetDecimal());
    }

    [Fact]
    public async Task DecodeJson_EncryptedFrameWithoutKey_SaysAKeyIsNeeded()
    {
        var encrypted = Vectors.All.First(c => c.Kind == "hdlc" && c.KeyHex is not null);

        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(encrypted.Input));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Readings);
        var error = Assert.Single(result.Errors);
        Assert.Equal("encrypted", error.GetProperty("error").GetString());
        Assert.Equal("dlms", error.GetProperty("layer").GetString());
        Assert.Contains("key", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeJson_SeveralFiles_EveryLineNamesItsFileAndOffsetsCountFromEachFilesStart()
    {
        // Three bytes of noise, then a real frame: each file reports the noise at its own offset 0.
        byte[] capture = [0x61, 0x62, 0x63, .. RealFrames.KamstrupList2];
        var first = HanRunner.TempFile(capture);
        var second = HanRunner.TempFile(capture);

        var result = await HanRunner.Run("decode", "--format", "json", first, second);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.JsonLines.Count);
        Assert.Equal([first, first, second, second], result.JsonLines.Select(line => line.GetProperty("file").GetString()));
        Assert.All(result.Errors, error => Assert.Equal(0, error.GetProperty("offset").GetInt64()));
        Assert.All(result.Readings, reading => Assert.Equal("5706567277656672", reading.GetProperty("meter_id").GetString()));
    }

    [Fact]
    public async Task DecodeJson_OneFile_HasNoFileKey()
    {
        var result = await HanRunner.Run("decode", "--format", "json", HanRunner.TempFile(RealFrames.KamstrupList2));

        Assert.False(Assert.Single(result.JsonLines).TryGetProperty("file", out _));
    }
}
