namespace Han.Pricing;

/// <summary>
/// A setting or rate the result depends on, with where it came from: so a user sees, for example,
/// which strømstøtte threshold was used for 2026 and that it is an assumption.
/// </summary>
/// <param name="Name">What it is (e.g. "stromstotte_threshold").</param>
/// <param name="Value">The value, with its unit.</param>
/// <param name="Source">The data row's source, or "setting".</param>
/// <param name="Assumed">True when no source confirms it (specs/pricing.md marks it open).</param>
public sealed record UsedValue(string Name, string Value, string Source, bool Assumed);
