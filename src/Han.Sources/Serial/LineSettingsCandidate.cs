namespace Han.Sources.Serial;

/// <summary>A line setting meters use, with who uses it and the source that says so (for the docs and <c>han diagnose</c>).</summary>
public sealed record LineSettingsCandidate(LineSettings Settings, string UsedBy)
{
    public override string ToString() => Settings.ToString();
}
