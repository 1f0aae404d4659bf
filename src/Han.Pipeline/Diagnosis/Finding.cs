namespace Han.Pipeline.Diagnosis;

/// <summary>How much a finding matters.</summary>
public enum FindingLevel
{
    /// <summary>What was found; nothing to do.</summary>
    Info,

    /// <summary>Works, but something is worth a look.</summary>
    Warning,

    /// <summary>Nothing or not everything can be decoded until this is fixed.</summary>
    Problem,
}

/// <summary>One thing the diagnosis says, in plain language, with the next step when there is one.</summary>
public sealed record Finding(FindingLevel Level, string Message, string? NextStep = null);
