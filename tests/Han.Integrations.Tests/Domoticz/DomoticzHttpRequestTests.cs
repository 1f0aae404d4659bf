using Han.Integrations.Domoticz;

namespace Han.Integrations.Tests.Domoticz;

public sealed class DomoticzHttpRequestTests
{
    [Fact]
    public void For_AnUpdate_IsTheUdeviceCommandWithSemicolonsAsDomoticzDocumentsThem()
    {
        var uri = DomoticzHttpRequest.For(new Uri("http://pi:8080"), new DomoticzUpdate(DomoticzDevice.P1, 12, 0, "1;2;3;4;500;0"));

        Assert.Equal("http://pi:8080/json.htm?type=command&param=udevice&idx=12&nvalue=0&svalue=1;2;3;4;500;0", uri.AbsoluteUri);
    }

    [Fact]
    public void For_AUrlWithAPath_KeepsThePath()
    {
        var uri = DomoticzHttpRequest.For(new Uri("https://home.example/domoticz"), new DomoticzUpdate(DomoticzDevice.VoltageL1, 3, 0, "230.1"));

        Assert.Equal("https://home.example/domoticz/json.htm?type=command&param=udevice&idx=3&nvalue=0&svalue=230.1", uri.AbsoluteUri);
    }
}
