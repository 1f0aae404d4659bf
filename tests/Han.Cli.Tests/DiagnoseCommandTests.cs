using System.IO.Compression;
using System.Text;
using Han.TestCorpus;

namespace Han.Cli.Tests;

/// <summary><c>han diagnose</c> says the right thing about what a user is receiving (issue 3 acceptance).</summary>
public sealed class DiagnoseCommandTests
{
    [Fact]
    public async Task Diagnose_CaptureTakenWithTheWrongParity_SaysSo()
    {
        // Read at 2400 8E1 while the Kamstrup meter sends 8N1 (corpus note).
        var capture = Vectors.ById("amsreader-kamstrup-se-gh355-2-wrong-parity").Input;

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(capture));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("wrong parity", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kamstrup 2400 baud 8N1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EncryptedCaptureWithoutKey_SaysAKeyIsNeededAndFromWhom()
    {
        var capture = Vectors.ById("austria-evn-doc-kaifa-ma309").Input;

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(capture));

        Assert.Contains("wired M-Bus long frames", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[PROBLEM] The meter encrypts its data with AES-128-GCM (sender KFM), and no key was given.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("pass it with --key", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EncryptedCaptureWithItsKey_SaysTheKeyWorks()
    {
        var vector = Vectors.ById("austria-evn-doc-kaifa-ma309");

        var result = await HanRunner.Run("diagnose", "--no-bundle", "--key", vector.KeyHex!, HanRunner.TempFile(vector.Input));

        Assert.Contains("[ok] The key works: 1 frames decrypted (sender KFM).", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EncryptedCaptureWithAWrongKey_SaysTheKeyDoesNotWork()
    {
        var capture = Vectors.ById("austria-evn-doc-kaifa-ma309").Input;

        var result = await HanRunner.Run("diagnose", "--no-bundle", "--key", "000102030405060708090A0B0C0D0E0F", HanRunner.TempFile(capture));

        Assert.Contains("[PROBLEM] The key does not decrypt the frames", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_P1Capture_SaysItIsP1AndDecodes()
    {
        var capture = Vectors.ById("dsmr-nl-v50-two-mbus").Input;

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(capture));

        Assert.Contains("DSMR P1 text telegrams", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ok] The input is DSMR P1 text telegrams; 1 readings decode from it.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_P1SentWith7E1ReadAs8N1_SaysToUse7E1()
    {
        // A DSMR 2.2 telegram (9600 7E1) as an 8N1 port receives it: the even-parity bit lands in bit 7.
        var telegram = Vectors.ById("dsmr-nl-v22").Input;
        var received = telegram.Select(b => (byte)(b | (System.Numerics.BitOperations.PopCount(b) % 2 == 1 ? 0x80 : 0))).ToArray();

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(received));

        Assert.Contains("7 data bits and even parity", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("7E1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BytesOfTheWrongSpeed_SaysTheBaudRateIsWrong()
    {
        // What a UART at the wrong speed hands over: mostly runs of equal bits.
        var random = new Random(3);
        byte[] typical = [0x00, 0xFF, 0x80, 0xE0, 0xF0, 0xF8, 0xFE];
        var received = Enumerable.Range(0, 2000).Select(_ => random.Next(10) < 8 ? typical[random.Next(typical.Length)] : (byte)random.Next(256)).ToArray();

        var result = await HanRunner.Run("diagnose", "--no-bundle", HanRunner.TempFile(received));

        Assert.Contains("wrong speed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2400 baud", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_HealthyNorwegianCapture_FindsNoProblem()
    {
        var path = Path.Combine(Vectors.RepositoryRoot(), "samples", "kaifa-no-lists.hex");

        var result = await HanRunner.Run("diagnose", "--no-bundle", path);

        Assert.Contains("3 readings decode", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("meter: Kaifa MA304H4", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_OneNoiseByteBeforeTheKamstrupSample_SaysHdlcWithTwoReadingsAndNoProblem()
    {
        // Issue 7, point 1: this once said "1 APDUs pass their checksums but do not decode" and found no frame.
        var sample = File.ReadAllBytes(Path.Combine(Vectors.RepositoryRoot(), "samples", "kamstrup-no-list2.hex"));

        var result = await HanRunner.Run([.. "0F\n"u8, .. sample], "diagnose", "--no-bundle", "-");

        Assert.Contains("[ok] The input is a stream of HDLC frames (DLMS over M-Bus, as in Norway, Sweden and Denmark); 2 readings decode from it.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ok] 1 byte lies outside any frame", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("APDU", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[PROBLEM]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_BundleAndNoBundleTogether_AreRefused()
    {
        var result = await HanRunner.Run("diagnose", "--bundle", "x.zip", "--no-bundle", HanRunner.TempFile([0x7E]));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--bundle and --no-bundle contradict each other", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists("x.zip"));
    }

    [Fact]
    public void DefaultBundleName_IsTheLocalDateAndTime()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 12, 45, 1, TimeSpan.Zero), TimeZoneInfo.CreateCustomTimeZone("CET", TimeSpan.FromHours(1), "CET", "CET"));

        Assert.Equal("han-diagnose-20261122-134501.zip", Commands.DiagnoseCommand.DefaultBundleName(clock));
    }

    [Fact]
    public async Task Diagnose_FileThatCannotBeOpened_SaysWhyAndWritesNoDiagnosisOrBundle()
    {
        var missing = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N"), "capture.bin");
        var bundle = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + ".zip");

        var result = await HanRunner.Run("diagnose", "--bundle", bundle, missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith($"han diagnose: {missing}: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(bundle));
    }

    [Fact]
    public async Task Diagnose_Bundle_HoldsTheCaptureTheOutputTheReportAndVersionsButNoKey()
    {
        var vector = Vectors.ById("amsreader-lg-at-gh501-2-encrypted");
        var bundle = Path.Combine(Path.GetTempPath(), "han-test-" + Guid.NewGuid().ToString("N") + ".zip");

        var result = await HanRunner.Run("diagnose", "--bundle", bundle, "--key", vector.KeyHex!, "--auth-key", vector.AuthKeyHex!, HanRunner.TempFile(vector.Input, asHex: true));

        Assert.Contains($"Bug-report bundle: {bundle}", result.Stdout, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(bundle);
        Assert.Equal(["capture.bin", "decoded.jsonl", "diagnosis.txt", "versions.txt"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Equal(vector.Input, Read(zip, "capture.bin"));
        Assert.Contains("\"meter_id\":\"30137181\"", Encoding.UTF8.GetString(Read(zip, "decoded.jsonl")), StringComparison.Ordinal);
        Assert.Contains("The key works", Encoding.UTF8.GetString(Read(zip, "diagnosis.txt")), StringComparison.Ordinal);
        var versions = Encoding.UTF8.GetString(Read(zip, "versions.txt"));
        Assert.Contains("encryption key given: yes", versions, StringComparison.Ordinal);
        foreach (var entry in zip.Entries)
        {
            var text = Encoding.ASCII.GetString(Read(zip, entry.FullName));
            Assert.DoesNotContain(vector.KeyHex!, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(vector.AuthKeyHex!, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => zone;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
