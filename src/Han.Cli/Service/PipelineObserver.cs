using Han.Live;
using Han.Live.Fanout;
using Han.Pipeline;
using Han.Protocol;
using Han.Readings;

namespace Han.Cli.Service;

/// <summary>
/// Where a meter's decoder delivers: each reading through the live state to the fan-out, each frame
/// that passed its checksum but did not decode counted. The first of each kind is also told (a frame
/// that does not decode is worth a line in the log; the thousandth of the same kind, from an encrypted
/// meter without its key, is not).
/// </summary>
internal sealed class PipelineObserver(string meter, MeterState state, MeterFanOut fanOut, MeterStats stats, TimeProvider clock) : DecodeObserver
{
    private readonly HashSet<DecodeError> _told = [];
    private bool _identityTold;

    public override void OnReading(MeterReading reading, long offset)
    {
        var live = state.Add(reading);
        var at = reading.Received ?? clock.GetUtcNow();
        stats.CountReading(at);
        if (!_identityTold && live.Identity.MeterId is { } id)
        {
            _identityTold = true;
            var identity = live.Identity;
            fanOut.Publish(new LineNote(meter, at, $"reading {identity.Manufacturer ?? "a"} meter {id} ({identity.MeterType ?? "type not sent"}, list {identity.ListVersion ?? "not named"})", NoteLevel.Information));
        }

        fanOut.Publish(new ReadingMade(meter, at, live));
    }

    public override void OnProblem(in DecodeProblem problem)
    {
        if (problem.Layer is DecodeLayer.Hdlc or DecodeLayer.MBus or DecodeLayer.P1)
        {
            return; // line damage (checksums, cut frames, noise): counted by the framing statistics
        }

        stats.CountProblem();
        if (_told.Add(problem.Error))
        {
            fanOut.Publish(new LineNote(meter, clock.GetUtcNow(), $"a frame did not decode ({problem.Layer.Name()}: {PrintableText.Escape(problem.Detail)}); more of this kind are only counted", NoteLevel.Warning));
        }
    }
}
