using System.Security.Cryptography;
using Han.Protocol.Dlms;
using Han.Protocol.Dlms.Security;
using Han.Protocol.Hdlc;
using Han.TestCorpus;

namespace Han.Protocol.Tests.Dlms.Security;

/// <summary>AES-GCM on real encrypted frames with their published keys (corpus), and every failure kind.</summary>
public sealed class DlmsDecryptorTests
{
    private const string WrongKeyHex = "000102030405060708090A0B0C0D0E0F";

    [Fact]
    public void Decrypt_IskraEncryptionOnly_GivesADataNotification()
    {
        var (apdu, vector) = CipheredApduOf("amsreader-iskra-at-gh787-1-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), null);

        var plaintext = decryptor.Decrypt(apdu);

        // Security 0x20: encryption only, so no tag; ciphertext and plaintext have the same length.
        Assert.Equal(apdu.Length - CipheredApdu.Parse(apdu).ContentOffset, plaintext.Length);
        Assert.Equal((byte)ApduTag.DataNotification, plaintext[0]);
        var notification = DataNotification.Parse(plaintext);
        Assert.True(notification.Body.Length > 0);
    }

    [Fact]
    public void Decrypt_LandisGyrWithAuthenticationKey_VerifiesTheTag()
    {
        var (apdu, vector) = CipheredApduOf("amsreader-lg-at-gh501-2-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), AuthenticationKey.FromHex(vector.AuthKeyHex));

        var plaintext = decryptor.Decrypt(apdu);

        Assert.Equal((byte)ApduTag.DataNotification, plaintext[0]);
        Assert.Equal(0, decryptor.UnverifiedFrames);
        Assert.Equal(apdu.Length - CipheredApdu.Parse(apdu).ContentOffset - CipheredApdu.TagLength, plaintext.Length);
    }

    [Fact]
    public void Decrypt_LandisGyrWithoutAuthenticationKey_DecryptsButCountsItUnverified()
    {
        var (apdu, vector) = CipheredApduOf("amsreader-lg-at-gh501-2-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), null);

        var plaintext = decryptor.Decrypt(apdu);

        Assert.Equal((byte)ApduTag.DataNotification, plaintext[0]);
        Assert.Equal(1, decryptor.UnverifiedFrames);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Decrypt_AuthenticatedFrameWithAWrongKey_FailsAuthentication(bool wrongEncryptionKey, bool wrongAuthenticationKey)
    {
        var (apdu, vector) = CipheredApduOf("amsreader-lg-at-gh501-2-encrypted");
        using var decryptor = new DlmsDecryptor(
            EncryptionKey.FromHex(wrongEncryptionKey ? WrongKeyHex : vector.KeyHex),
            AuthenticationKey.FromHex(wrongAuthenticationKey ? WrongKeyHex : vector.AuthKeyHex));

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.AuthenticationFailed, problem.Error);
        Assert.Equal(DecodeLayer.Dlms, problem.Layer);
        AssertShowsNoKey(problem, WrongKeyHex, vector.KeyHex!, vector.AuthKeyHex!);
    }

    [Fact]
    public void Decrypt_EncryptionOnlyFrameWithAWrongKey_SaysTheKeyIsWrong()
    {
        var (apdu, _) = CipheredApduOf("amsreader-iskra-at-gh787-1-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(WrongKeyHex), null);

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.WrongKey, problem.Error);
        Assert.Contains("--key", problem.Detail, StringComparison.Ordinal);
        AssertShowsNoKey(problem, WrongKeyHex);
    }

    [Fact]
    public void Decrypt_WithoutKey_SaysAKeyIsNeededAndNamesTheSender()
    {
        var (apdu, vector) = CipheredApduOf("amsreader-iskra-at-gh787-1-encrypted");
        using var decryptor = new DlmsDecryptor(null, null);

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.Encrypted, problem.Error);
        Assert.Contains("a key is needed", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("ISK", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(vector.KeyHex!, problem.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decrypt_SameFrameTwice_RefusesTheReplay()
    {
        var (apdu, vector) = CipheredApduOf("amsreader-lg-at-gh501-2-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), AuthenticationKey.FromHex(vector.AuthKeyHex));
        decryptor.Decrypt(apdu);

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.ReplayedFrameCounter, problem.Error);
    }

    [Fact]
    public void Decrypt_SmartyTelegram_GivesAP1Telegram()
    {
        var vector = Vectors.ById("openhab-lu-smarty-encrypted");
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromHex(vector.KeyHex), AuthenticationKey.FromHex(vector.AuthKeyHex));

        var plaintext = decryptor.Decrypt(vector.Input).ToArray();

        Assert.Equal((byte)'/', plaintext[0]);
        Assert.Contains((byte)'!', plaintext);
        Assert.Equal(0, decryptor.UnverifiedFrames);
    }

    [Fact]
    public void Decrypt_FramesMadeWithTheStandardCipher_RoundTripInEveryMode()
    {
        // Built here with the platform's AES-GCM, independently of the decryptor's framing.
        var key = RandomNumberGenerator.GetBytes(16);
        var authentication = RandomNumberGenerator.GetBytes(16);
        var plaintext = Convert.FromHexString("0F4000000000020206000005280600000001");
        byte[] systemTitle = [0x4B, 0x46, 0x4D, 0x10, 0x20, 0x02, 0x98, 0x02];
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(key), AuthenticationKey.FromBytes(authentication));
        uint counter = 100;
        foreach (byte security in new byte[] { 0x30, 0x20, 0x10, 0x31, 0x21 })
        {
            var apdu = CipheredApduBuilder.Seal(security, systemTitle, counter++, plaintext, key, authentication);

            Assert.Equal(plaintext, decryptor.Decrypt(apdu).ToArray());
        }
    }

    [Fact]
    public void Decrypt_TamperedAuthenticatedOnlyFrame_FailsAuthentication()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        var authentication = RandomNumberGenerator.GetBytes(16);
        var apdu = CipheredApduBuilder.Seal(0x10, [1, 2, 3, 4, 5, 6, 7, 8], 1, Convert.FromHexString("0F400000000006000000FF"), key, authentication);
        apdu[^14] ^= 0x01;
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(key), AuthenticationKey.FromBytes(authentication));

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.AuthenticationFailed, problem.Error);
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x30)]
    public void Decrypt_NoContent_SaysSoInsteadOfFailingInTheCipher(byte security)
    {
        // Found by the property test: a ciphered APDU holding only its security header (and a tag).
        var withoutContent = CipheredApduBuilder.Seal(security, [1, 2, 3, 4, 5, 6, 7, 8], 1, [], new byte[16], new byte[16]);
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(new byte[16]), AuthenticationKey.FromBytes(new byte[16]));

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(withoutContent).ToArray());

        Assert.Equal(DecodeError.UnexpectedEnd, problem.Error);
    }

    [Theory]
    [InlineData(0xB0)] // compressed
    [InlineData(0x32)] // suite 2 (AES-256)
    [InlineData(0x00)] // neither encrypted nor authenticated
    [InlineData(0x40)] // broadcast key only
    public void Decrypt_CompressedOrUnknownSuiteOrNoProtection_IsUnsupported(byte security)
    {
        var apdu = CipheredApduBuilder.Seal(security, [1, 2, 3, 4, 5, 6, 7, 8], 1, [0x0F], new byte[16], new byte[16]);
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(new byte[16]), null);

        Assert.Equal(DecodeError.UnsupportedSecurity, Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray()).Error);
    }

    [Fact]
    public void Decrypt_CounterBelowTheLast_IsAReplayButOtherSendersKeepTheirOwnCounters()
    {
        var key = RandomNumberGenerator.GetBytes(16);
        byte[] first = [0x4B, 0x46, 0x4D, 1, 2, 3, 4, 5];
        byte[] second = [0x4B, 0x46, 0x4D, 9, 9, 9, 9, 9];
        byte[] plaintext = [0x0F, 0x40, 0, 0, 0, 0, 0x06, 0, 0, 0, 1];
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(key), null);
        decryptor.Decrypt(CipheredApduBuilder.Seal(0x20, first, 50, plaintext, key, new byte[16]));

        var lower = Assert.Throws<DecodeException>(() => decryptor.Decrypt(CipheredApduBuilder.Seal(0x20, first, 49, plaintext, key, new byte[16])).ToArray());

        Assert.Equal(DecodeError.ReplayedFrameCounter, lower.Error);
        Assert.Equal(plaintext, decryptor.Decrypt(CipheredApduBuilder.Seal(0x20, second, 1, plaintext, key, new byte[16])).ToArray());
        Assert.Equal(plaintext, decryptor.Decrypt(CipheredApduBuilder.Seal(0x20, first, 51, plaintext, key, new byte[16])).ToArray());
    }

    [Fact]
    public void Decrypt_SystemTitleNotEightBytes_IsUnsupportedSecurity()
    {
        // No GCM nonce can be formed from a 6-byte title.
        byte[] apdu = [0xDB, 0x06, 0x4B, 0x46, 0x4D, 1, 2, 3, 0x07, 0x20, 0, 0, 0, 1, 0xAA, 0xBB];
        using var decryptor = new DlmsDecryptor(EncryptionKey.FromBytes(new byte[16]), null);

        var problem = Assert.Throws<DecodeException>(() => decryptor.Decrypt(apdu).ToArray());

        Assert.Equal(DecodeError.UnsupportedSecurity, problem.Error);
        Assert.Equal("KFM", decryptor.LastSenderId);
    }

    [Fact]
    public void Keys_PrintThemselvesHidden()
    {
        Assert.Equal("EncryptionKey(hidden)", EncryptionKey.FromHex(WrongKeyHex).ToString());
        Assert.Equal("AuthenticationKey(hidden)", AuthenticationKey.FromHex(WrongKeyHex).ToString());
    }

    private static void AssertShowsNoKey(DecodeException problem, params string[] keysHex)
    {
        foreach (var keyHex in keysHex)
        {
            Assert.DoesNotContain(keyHex, problem.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(keyHex, problem.Detail, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static (byte[] Apdu, VectorCase Vector) CipheredApduOf(string id)
    {
        var vector = Vectors.ById(id);
        var information = HdlcFrameBuilder.InformationOf(vector.Input);
        return (Llc.Strip(information).ToArray(), vector);
    }
}
