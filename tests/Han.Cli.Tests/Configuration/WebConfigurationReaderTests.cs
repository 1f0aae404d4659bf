using Han.Cli.Configuration;

namespace Han.Cli.Tests.Configuration;

/// <summary>The <c>web:</c> section: where the server listens, its token, and a token required beyond this machine.</summary>
public sealed class WebConfigurationReaderTests
{
    private const string OneMeter = "meters:\n  - name: house\n    source: /dev/ttyUSB0\n";
    private const string Token = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Read_NoSection_NoWebServer()
    {
        Assert.Null(Read(OneMeter).Web);
    }

    [Fact]
    public void Read_EmptySection_ListensOnLoopback8080WithoutToken()
    {
        var web = Read(OneMeter + "web:\n").Web!;

        Assert.Equal("127.0.0.1:8080", web.ListenText);
        Assert.Null(web.Token);
    }

    [Fact]
    public void Read_EnabledFalse_NoWebServer()
    {
        Assert.Null(Read(OneMeter + "web:\n  enabled: false\n  listen: 0.0.0.0:8080\n").Web);
    }

    [Fact]
    public void Read_BeyondLoopbackWithTokenFile_TakesBoth()
    {
        var web = Read(OneMeter + "web:\n  listen: 0.0.0.0:8081\n  token_file: /etc/han/web.token\n").Web!;

        Assert.Equal("0.0.0.0:8081", web.ListenText);
        Assert.Equal(Token, web.Token);
    }

    [Fact]
    public void Read_BeyondLoopbackWithoutToken_IsAnErrorNamingTheSettingAndWhatToDo()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + "web:\n  listen: 0.0.0.0:8080\n"));

        Assert.Equal("web.listen: '0.0.0.0:8080' reaches beyond this machine, so the web server needs an access token: set web.token_file (or web.token) to a file holding a long random token (openssl rand -hex 32), or listen on 127.0.0.1", problem.Message);
    }

    [Fact]
    public void Read_NotAnAddress_NamesTheSettingAndWhatIsValid()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + "web:\n  listen: pi.local:8080\n"));

        Assert.StartsWith("web.listen (han.yaml line 5): 'pi.local:8080' is not an address and port, as in 127.0.0.1:8080", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortToken_IsAnErrorThatDoesNotShowIt()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + "web:\n  token: hunter2\n"));

        Assert.Contains("web.token (han.yaml line 5): the token is 7 characters long; give at least 16", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownSetting_SuggestsTheNearest()
    {
        var problem = Assert.Throws<ConfigurationException>(() => Read(OneMeter + "web:\n  listn: 127.0.0.1:8080\n"));

        Assert.Contains("listen", problem.Message, StringComparison.Ordinal);
    }

    private static RunConfiguration Read(string yaml)
    {
        var document = SettingsDocument.Load("/etc/han/han.yaml", new StringReader(yaml), []);
        return RunConfigurationReader.Read(document, file => file == "/etc/han/web.token" ? Token + "\n" : throw new FileNotFoundException(file), _ => true);
    }
}
