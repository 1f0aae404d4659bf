using Han.Live.Fanout;

namespace Han.Integrations.Domoticz;

/// <summary>
/// Says each trouble with Domoticz once, when it starts (or turns into another kind), and once when it
/// is over, rather than at every update: Domoticz away for a night would otherwise fill the log with a
/// line every few seconds. Troubles are kept per subject: the connection as a whole, or one device.
/// </summary>
internal sealed class DomoticzTroubleLog(Action<string, NoteLevel> report)
{
    private readonly Dictionary<string, string> _troubles = new(StringComparer.Ordinal);

    /// <param name="subject">What is in trouble: <c>connection</c> or a device's idx.</param>
    /// <param name="kind">The trouble's kind (an exception's message may vary while the kind stays).</param>
    public void Trouble(string subject, string kind, string message)
    {
        if (!_troubles.TryGetValue(subject, out var was) || was != kind)
        {
            _troubles[subject] = kind;
            report(message, NoteLevel.Error);
        }
    }

    /// <summary>The subject works: said once if it was in trouble.</summary>
    public void Fine(string subject, string message)
    {
        if (_troubles.Remove(subject))
        {
            report(message, NoteLevel.Information);
        }
    }
}
