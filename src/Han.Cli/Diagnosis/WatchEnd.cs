namespace Han.Cli.Diagnosis;

/// <summary>Why a live diagnosis stopped listening.</summary>
internal enum WatchEnd
{
    /// <summary>The <c>--duration</c> was over.</summary>
    Duration,

    /// <summary>The user pressed Ctrl-C (or the process got SIGTERM).</summary>
    Interrupted,

    /// <summary>The search for the line setting found none: there was nothing to listen to.</summary>
    NoLineSetting,
}
