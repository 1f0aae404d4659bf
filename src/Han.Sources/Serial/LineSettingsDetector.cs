using Han.Pipeline;

namespace Han.Sources.Serial;

/// <summary>
/// Finds the line setting a meter sends with (<c>--baud auto</c>): listens at each candidate in turn
/// through an <see cref="ILineProbe"/>, and takes the first at which frames or telegrams with good
/// checksums arrive cleanly (<see cref="CandidateVerdict.Frames"/>). The decision rule and why it cannot
/// be fooled are in docs/serial.md.
/// <para>
/// A port that reports parity and framing errors lets the detector tell the meter's own setting from a
/// neighbour that happens to deliver the same bytes: a setting at which the UART flags errors is kept
/// only as a fallback, and the search goes on. A port that cannot (System.IO.Ports on Linux) gets the
/// first setting that reads clean frames, which reads the meter correctly through that port whatever
/// the bytes hold (<see cref="LineSettingsCandidates"/> orders the candidates so), reported as
/// <see cref="LineDetectionCertainty.Readable"/>.
/// </para>
/// </summary>
public sealed class LineSettingsDetector
{
    private readonly IReadOnlyList<LineSettingsCandidate> _candidates;
    private readonly LineDetectorOptions _options;

    public LineSettingsDetector(IReadOnlyList<LineSettingsCandidate>? candidates = null, LineDetectorOptions? options = null)
    {
        _candidates = candidates ?? LineSettingsCandidates.All;
        _options = options ?? LineDetectorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FramesToStopEarly, 1, nameof(options));
    }

    /// <summary>
    /// Tries <paramref name="tryFirst"/> (the setting that worked last time) first, then the candidates.
    /// What the probe throws (a port unplugged, access denied) ends the detection and is passed on.
    /// </summary>
    public async Task<LineDetection> DetectAsync(ILineProbe probe, LineSettings? tryFirst = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var seen = new List<CandidateObservation>();
        foreach (var candidate in LineSettingsCandidates.StartingWith(_candidates, tryFirst))
        {
            var observation = await CandidateListener.ListenAsync(probe, candidate, _options, cancellationToken).ConfigureAwait(false);
            seen.Add(observation);
            if (observation.Verdict == CandidateVerdict.Frames)
            {
                var certainty = probe.CountsLineErrors ? LineDetectionCertainty.Confirmed : LineDetectionCertainty.Readable;
                return new LineDetection(candidate.Settings, certainty, observation.Kind, seen);
            }
        }

        return Fallback(seen);
    }

    /// <summary>
    /// No setting read the meter cleanly. Clean frames with line errors still read it; damaged frames are
    /// the last resort. Among equals, the most good frames, then the earlier candidate.
    /// </summary>
    private static LineDetection Fallback(List<CandidateObservation> seen)
    {
        var best = seen
            .Where(o => o.Verdict is CandidateVerdict.LineErrors or CandidateVerdict.Damaged)
            .OrderByDescending(o => o.Verdict)
            .ThenByDescending(o => o.GoodFrames)
            .FirstOrDefault();
        return best is null
            ? new LineDetection(null, LineDetectionCertainty.NotFound, InputKind.Unknown, seen)
            : new LineDetection(best.Settings, best.Verdict == CandidateVerdict.LineErrors ? LineDetectionCertainty.Readable : LineDetectionCertainty.Unreliable, best.Kind, seen);
    }
}
