using Han.Sources.Live;

namespace Han.Cli.Live;

/// <summary>A source's state in the words a status line and a service's totals use.</summary>
internal static class SourceStateText
{
    public static string Of(SourceState state) => state switch
    {
        SourceState.Connected => "connected",
        SourceState.Connecting => "connecting",
        SourceState.Detecting => "finding the line setting",
        _ => "disconnected",
    };
}
