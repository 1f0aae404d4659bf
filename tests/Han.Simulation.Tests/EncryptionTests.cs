using Han.Protocol;
using Han.Protocol.Dlms.Security;

namespace Han.Simulation.Tests;

public sealed class EncryptionTests
{
    private static readonly EncryptionKey Key = EncryptionKey.FromHex("5AD84121D9D20B364B7A11F3C1B5827F");
    private static readonly AuthenticationKey AuthenticationKey = AuthenticationKey.FromHex("AFB3F93E3E7204EDB3C27F96DBD51AE0");

    [Theory]
    [InlineData("kamstrup", false)]
    [InlineData("aidon", true)]
    [InlineData("kaifa", true)]
    public void Ciphered_DecodesWithTheKey_ToEveryListAsSent(string vendor, bool authenticated)
    {
        var options = Simulation.Options(vendor) with { Key = Key, AuthenticationKey = authenticated ? AuthenticationKey : null };
        var run = Simulation.For(options, TimeSpan.FromMinutes(3));

        var decoded = Decoded.From(run.Stream, Key, authenticated ? AuthenticationKey : null);

        Assert.Empty(decoded.Problems);
        Assert.Equal(run.Sent.Count, decoded.Readings.Count);
        for (var i = 0; i < run.Sent.Count; i++)
        {
            ReadingAssert.Same(run.Sent[i].Expected!, decoded.Readings[i].Reading, $"list {i + 1}");
        }

        // The plaintext list id is nowhere on the wire.
        Assert.DoesNotContain(options.Vendor.ListId, System.Text.Encoding.ASCII.GetString(run.Stream), StringComparison.Ordinal);
    }

    [Fact]
    public void Ciphered_WithoutTheKey_EveryListIsReportedEncrypted()
    {
        var run = Simulation.For(Simulation.Options("kamstrup") with { Key = Key }, TimeSpan.FromMinutes(2));

        var decoded = Decoded.From(run.Stream);

        Assert.Empty(decoded.Readings);
        Assert.Equal(run.Sent.Count, decoded.Problems.Count(problem => problem.Error == DecodeError.Encrypted));
    }

    [Fact]
    public void Ciphered_WithAnotherKey_IsNotRead()
    {
        var run = Simulation.For(Simulation.Options("aidon") with { Key = Key, AuthenticationKey = AuthenticationKey }, TimeSpan.FromMinutes(1));

        var decoded = Decoded.From(run.Stream, EncryptionKey.FromHex("00000000000000000000000000000000"), AuthenticationKey);

        Assert.Empty(decoded.Readings);
        Assert.All(decoded.Problems, problem => Assert.Equal(DecodeError.AuthenticationFailed, problem.Error));
    }
}
