namespace Han.Protocol.Tests;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("\u001B[2J", "\\x1B[2J")]
    [InlineData("a\u0007b", "a\\x07b")]
    [InlineData("line\r\nforged", "line\\x0D\\x0Aforged")]
    [InlineData("\tx", "\\x09x")]
    [InlineData("KFM\0", "KFM\\x00")]
    [InlineData("\u007F", "\\x7F")]
    [InlineData("\u0080\u009B\u009F", "\\x80\\x9B\\x9F")]
    [InlineData("abc\u202Efed", "abc\\u202Efed")]
    [InlineData("\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069", "\\u202A\\u202B\\u202C\\u202D\\u2066\\u2067\\u2068\\u2069")]
    [InlineData("one\u2028two\u2029", "one\\u2028two\\u2029")]
    public void Escape_UnsafeCharacter_BecomesAVisibleEscape(string text, string expected)
    {
        Assert.Equal(expected, PrintableText.Escape(text));
    }

    [Theory]
    [InlineData("Kamstrup_V0001")]
    [InlineData("/ISK5\\2M550T-1012")]
    [InlineData("Målernummer æøå ÆØÅ ©")]
    [InlineData("\u00A0\u00FF\u200E\u2030\u2065\u206A\uFEFF")]
    [InlineData("")]
    public void Escape_SafeText_IsTheSameInstance(string text)
    {
        // Backslashes stay (meter text uses them); Latin-1 letters and NBSP are printable; the marks just
        // outside the escaped ranges are not overrides or isolates.
        Assert.Same(text, PrintableText.Escape(text));
    }

    [Fact]
    public void Escape_EveryCharacter_LeavesNoUnsafeCharacterAndEscapesToItself()
    {
        var all = string.Concat(Enumerable.Range(0, 0x10000).Where(c => c is < 0xD800 or > 0xDFFF).Select(c => (char)c));

        var escaped = PrintableText.Escape(all);

        Assert.DoesNotContain(escaped, PrintableText.IsUnsafe);
        Assert.DoesNotContain(escaped, char.IsControl);
        Assert.Equal(escaped, PrintableText.Escape(escaped));
        Assert.Equal(0x20 + 1 + 0x20 + 4 + 7, Enumerable.Range(0, 0x10000).Count(c => PrintableText.IsUnsafe((char)c)));
    }
}
