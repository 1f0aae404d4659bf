namespace Han.Cli.Diagnosis;

/// <summary>Where a bundle goes, and whether han picked the name (then it may pick another, never replace).</summary>
/// <param name="Path">The file to write.</param>
/// <param name="NameIsOurs">True for the default name: an existing file of that name is never replaced; the next free name is taken.</param>
internal sealed record BundleTarget(string Path, bool NameIsOurs);
