using Han.Integrations.HomeAssistant;
using Han.Live;
using Han.Live.Fanout;

namespace Han.Integrations.Costs;

/// <summary>How a <see cref="CostPublisher"/> works beside the other outputs of its meter.</summary>
/// <param name="Report">The log.</param>
/// <param name="Time">The clock.</param>
public sealed record CostPublisherOptions(Action<string, NoteLevel> Report, TimeProvider Time)
{
    /// <summary>The meter's merged live reading now (null when none yet): the projection's current power.</summary>
    public Func<LiveReading?>? Live { get; init; }

    /// <summary>Tells Home Assistant's device which cost values exist (<see cref="HomeAssistantSink.CostKnown"/>); null without Home Assistant.</summary>
    public Action<IReadOnlyCollection<string>>? CostKnown { get; init; }

    /// <summary><c>grid.step_alert</c>: the alert on <c>step_alert</c>, in the document and in Home Assistant.</summary>
    public bool StepAlert { get; init; }
}
