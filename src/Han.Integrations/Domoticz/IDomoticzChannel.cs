namespace Han.Integrations.Domoticz;

/// <summary>How updates reach Domoticz: its HTTP JSON API or the MQTT topic <c>domoticz/in</c>.</summary>
public interface IDomoticzChannel : IAsyncDisposable
{
    /// <summary>For logs: <c>domoticz http://pi:8080</c>, <c>domoticz mqtt domoticz/in</c>.</summary>
    string Name { get; }

    /// <summary>Sends one update. Trouble is the channel's to report (once, with what to do); it does not throw for it.</summary>
    ValueTask SendAsync(DomoticzUpdate update, CancellationToken cancellationToken);
}
