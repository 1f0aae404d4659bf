using System.Text;
using Han.Cli.Views;
using Han.Pipeline;
using Han.Protocol;

namespace Han.Cli.Tests;

/// <summary>
/// Control characters from the meter never reach the terminal (issue 7, point 6): real captures whose
/// strings hold ESC [2J, BEL, CR LF, NUL, DEL, CSI and a right-to-left override go through every human
/// view and <c>han diagnose</c>, and come out escaped; the JSON keeps them exactly.
/// </summary>
public sealed class ControlCharacterTests
{
    private const string KamstrupId = "roarfred-kamstrup-list1-3ph-2017-10-20";

    /// <summary>What <see cref="HostileCapture.Text"/> looks like escaped.</summary>
    private const string Escaped = @"\x1B[2J\x07\x0D\x0Aforged line\x00\x7F\x9B\u202Eevil";

    public static TheoryData<string> Captures() => [.. HostileCapture.All.Select(capture => capture.Name)];

    [Fact]
    public void Captures_CoverEveryKindOfInput()
    {
        // The corpus's plain captures with text: HDLC frames, LLC fields, bare APDUs, M-Bus frames, P1 telegrams.
        Assert.True(HostileCapture.All.Count > 30, $"only {HostileCapture.All.Count} captures");
        Assert.Contains(HostileCapture.All, capture => capture.Name.Contains("M-Bus", StringComparison.Ordinal));
        Assert.Contains(HostileCapture.All, capture => !capture.KeepsText);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public async Task HumanViews_RealCaptureWithControlCharactersInItsStrings_PrintThemOnlyEscaped(string name)
    {
        var capture = HostileCapture.Named(name);

        var outputs = await HumanOutput.Of(capture.Build(HostileCapture.Text));

        foreach (var output in outputs)
        {
            var raw = output.FirstRawCharacter();
            Assert.True(raw < 0, raw < 0 ? null : output.Around(raw));
        }

        // A P1 group cannot hold CR LF; the rest of the text is there, escaped, in every view of the decode.
        var visible = capture.KeepsText ? Escaped : @"\x1B[2J\x07forged line\x00\x7F";
        Assert.All(outputs.Where(output => output.View != "diagnose"), output => Assert.Contains(visible, output.Text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public async Task TextViewsAndDiagnose_MeterStringWithLineBreaks_ForgeNoOutputLine(string name)
    {
        var capture = HostileCapture.Named(name);

        var plain = await HumanOutput.Of(capture.Build("x"));
        var hostile = await HumanOutput.Of(capture.Build(HostileCapture.Text));

        foreach (var view in new[] { "text", "fields", "diagnose" })
        {
            Assert.Equal(Lines(plain, view), Lines(hostile, view));
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public async Task Diagnose_RealCaptureWithControlCharacters_ShowsTheMeterIdentityEscaped(string name)
    {
        var bytes = HostileCapture.Named(name).Build(HostileCapture.Text);

        var reading = Assert.Single((await HanRunner.Run(bytes, "decode", "--format", "json", "-")).Readings);
        var report = (await HanRunner.Run(bytes, "diagnose", "--no-bundle", "-")).Stdout;

        // The report names the meter and its list identifier: exactly when those came from the text, it shows the escape.
        var identityFromText = new[] { "meter_manufacturer", "meter_type", "list_version" }
            .Any(key => reading.TryGetProperty(key, out var value) && value.GetString()!.Contains('\u001B', StringComparison.Ordinal));
        Assert.Equal(identityFromText, report.Contains(@"\x1B[2J", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnose_KamstrupListWithControlCharacters_ReportsMeterAndListOnOneEscapedLineEach()
    {
        var bytes = HostileCapture.Named(KamstrupId).Build(HostileCapture.Text);

        var report = (await HanRunner.Run(bytes, "diagnose", "--no-bundle", "-")).Stdout;

        var lines = report.Split('\n');
        Assert.Contains("  meter: " + Escaped, lines);
        Assert.Contains("  list identifier: " + Escaped, lines);
    }

    [Fact]
    public async Task DecodeJson_RealCaptureWithControlCharacters_KeepsTheStringExactly()
    {
        var bytes = HostileCapture.Named(KamstrupId).Build(HostileCapture.Text);

        var result = await HanRunner.Run(bytes, "decode", "--format", "json", "-");

        var reading = Assert.Single(result.Readings);
        Assert.Equal(HostileCapture.Text, reading.GetProperty("list_version").GetString());
        Assert.DoesNotContain(result.Stdout, c => c != '\n' && PrintableText.IsUnsafe(c));
        Assert.Contains("\\u202E", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecodeJson_ProblemDetailAndFileNameWithBidiOverrides_AreEscapedAndExact()
    {
        var folder = Directory.CreateTempSubdirectory("han-test-").FullName;
        var name = Path.Combine(folder, "a\u202Eb.bin");
        File.WriteAllBytes(name, [0x01, 0x02]);

        var result = await HanRunner.Run("decode", "--format", "json", name, name);

        Directory.Delete(folder, recursive: true);
        Assert.DoesNotContain(result.Stdout, c => c != '\n' && PrintableText.IsUnsafe(c));
        Assert.All(result.Errors, error => Assert.Equal(name, error.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData(OutputFormat.Text)]
    [InlineData(OutputFormat.Fields)]
    [InlineData(OutputFormat.Tree)]
    [InlineData(OutputFormat.Hex)]
    public void TextViews_ProblemDetailQuotingControlCharacters_IsOneEscapedLine(OutputFormat format)
    {
        using var stream = new MemoryStream();
        using (var view = OutputView.Create(format, stream))
        {
            view.OnProblem(new DecodeProblem(DecodeError.InvalidLine, DecodeLayer.P1, 20, "line \"\u001B[2J\r\nforged\u202E\""));
        }

        Assert.Equal("problem at byte 20: invalid_line (p1): line \"\\x1B[2J\\x0D\\x0Aforged\\u202E\"\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static int Lines(IEnumerable<HumanOutput> outputs, string view) =>
        outputs.Single(output => output.View == view).Text.Count(c => c == '\n');
}
