using Han.Protocol;
using Han.Protocol.Dlms.Security;
using Han.Protocol.Hdlc;
using Han.Protocol.MBus;
using Han.Protocol.P1;
using Han.Readings;

namespace Han.Pipeline.Diagnosis;

/// <summary>Collects what a diagnosis needs from a decode: frames, readings, problems, meters, lists, ciphering.</summary>
public sealed class DiagnosisObserver : DecodeObserver
{
    private readonly Dictionary<DecodeError, long> _problems = [];
    private readonly Dictionary<string, long> _lists = new(StringComparer.Ordinal);

    public long Frames { get; private set; }

    public long Telegrams { get; private set; }

    public long Readings { get; private set; }

    /// <summary>Readings that carry an energy register: the hourly list of a Norwegian meter, sent just after each full hour.</summary>
    public long RegisterReadings { get; private set; }

    public long CipheredApdus { get; private set; }

    public long Decrypted { get; private set; }

    /// <summary>System-title manufacturer ids of ciphered frames (KFM, LGZ, ...).</summary>
    public SortedSet<string> Senders { get; } = new(StringComparer.Ordinal);

    /// <summary>Security control bytes seen, as their description.</summary>
    public SortedSet<string> SecurityModes { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Manufacturers { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> MeterTypes { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> ListVersions { get; } = new(StringComparer.Ordinal);

    /// <summary>List kinds seen ("Kaifa, 13 elements"), with how often.</summary>
    public IReadOnlyDictionary<string, long> Lists => _lists;

    public long ProblemCount(DecodeError error) => _problems.GetValueOrDefault(error);

    public override void OnFrame(in HdlcFrame frame) => Frames++;

    public override void OnMBusFrame(in MBusFrame frame) => Frames++;

    public override void OnTelegram(in P1Telegram telegram) => Telegrams++;

    public override void OnApdu(ReadOnlySpan<byte> apdu, long offset, int frames)
    {
        if (!CipheredApdu.IsCiphered(apdu))
        {
            return;
        }

        CipheredApdus++;
        try
        {
            var ciphered = CipheredApdu.Parse(apdu);
            if (ciphered.ManufacturerId is { } sender)
            {
                Senders.Add(sender);
            }

            SecurityModes.Add(ciphered.Security.ToString());
        }
        catch (DecodeException)
        {
            // Reported as a problem by the decoder itself.
        }
    }

    public override void OnDecrypted(ReadOnlySpan<byte> plaintext, long offset) => Decrypted++;

    public override void OnReading(MeterReading reading, long offset)
    {
        Readings++;
        RegisterReadings += reading.Has(ReadingField.ActiveEnergyImport) || reading.Has(ReadingField.ActiveEnergyExport) ? 1 : 0;
        AddIfSet(Manufacturers, reading.MeterManufacturer);
        AddIfSet(MeterTypes, reading.MeterType);
        AddIfSet(ListVersions, reading.ListVersion);
        var list = $"{reading.MeterManufacturer ?? "unidentified meter"} ({reading.Profile}), {reading.ListLength} elements";
        _lists[list] = _lists.GetValueOrDefault(list) + 1;
    }

    public override void OnProblem(in DecodeProblem problem) => _problems[problem.Error] = _problems.GetValueOrDefault(problem.Error) + 1;

    private static void AddIfSet(SortedSet<string> set, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            set.Add(value);
        }
    }
}
