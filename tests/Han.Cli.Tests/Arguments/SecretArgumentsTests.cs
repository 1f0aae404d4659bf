using Han.Cli.Arguments;

namespace Han.Cli.Tests.Arguments;

public sealed class SecretArgumentsTests
{
    private const string Key = "0F1E2D3C4B5A69788796A5B4C3D2E1F0";

    [Theory]
    [InlineData("--key")]
    [InlineData("--kye")]
    [InlineData("--Key")]
    [InlineData("--KEY")]
    [InlineData("--auth_key")]
    [InlineData("--authkey")]
    [InlineData("--auth-kye")]
    [InlineData("--ky")]
    [InlineData("-key")]
    public void Redact_ValueOfAnOptionThatLooksLikeKey_IsHidden(string option)
    {
        var secrets = new SecretArguments(["decode", option, "secretvalue", "capture.hex"]);

        var text = secrets.Redact("Could not find file '/home/me/secretvalue'.");

        Assert.Equal($"Could not find file '/home/me/{SecretArguments.Placeholder}'.", text);
    }

    [Fact]
    public void Redact_InlineValue_IsHidden()
    {
        var secrets = new SecretArguments(["decode", $"--kye={Key}"]);

        Assert.DoesNotContain(Key, secrets.Redact($"Unrecognized command or argument '--kye={Key}'."), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_KeySplitIntoPiecesNextToAKeyOption_HidesEveryPiece()
    {
        string[] pieces = ["0F1E", "2D3C", "4B5A6978", "8796A5B4C3D2E1F0"];
        var secrets = new SecretArguments(["decode", "--key", .. pieces, "capture.hex"]);

        var text = secrets.Redact(string.Join(", ", pieces.Select(piece => $"'{piece}'")));

        foreach (var piece in pieces)
        {
            Assert.DoesNotContain(piece, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Key)]
    [InlineData("0f:1e:2d:3c:4b:5a:69:78:87:96:a5:b4:c3:d2:e1:f0")]
    [InlineData("0x0F1E2D3C4B5A69788796A5B4C3D2E1F0")]
    public void Redact_LongHexArgumentWithoutAnyOption_IsHidden(string argument)
    {
        var secrets = new SecretArguments(["decode", argument]);

        Assert.Equal($"han decode: {SecretArguments.Placeholder}: not found", secrets.Redact($"han decode: {argument}: not found"));
    }

    [Fact]
    public void Redact_OrdinaryArguments_AreLeftAlone()
    {
        var secrets = new SecretArguments(["decode", "--format", "json", "--country", "SE", "capture.hex", "2400", "cafe"]);

        Assert.False(secrets.Any);
        Assert.Equal("han decode: capture.hex: 2400 cafe json SE", secrets.Redact("han decode: capture.hex: 2400 cafe json SE"));
    }

    [Fact]
    public void Redact_SecretInsideALongerWord_IsNotAWholeOccurrenceAndStays()
    {
        var secrets = new SecretArguments(["decode", "--key", "ABCD"]);

        Assert.Equal($"xABCDx and {SecretArguments.Placeholder}", secrets.Redact("xABCDx and ABCD"));
    }

    [Theory]
    [InlineData("key", "key", 0)]
    [InlineData("kye", "key", 1)]
    [InlineData("ky", "key", 1)]
    [InlineData("format", "key", 6)]
    [InlineData("authkye", "authkey", 1)]
    [InlineData("country", "key", 6)]
    public void EditDistance_CountsSlipsIncludingSwappedNeighbours(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Of(a, b));
    }
}
