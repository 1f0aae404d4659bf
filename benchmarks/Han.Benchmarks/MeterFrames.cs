using Han.TestCorpus;

namespace Han.Benchmarks;

/// <summary>The real frames the benchmarks run on, and a buffer of many back-to-back copies of one.</summary>
public static class MeterFrames
{
    /// <summary>Frames per benchmark operation; results are reported per frame.</summary>
    public const int FramesPerBuffer = 1000;

    public static byte[] Frame(string name) => name switch
    {
        "Kamstrup" => RealFrames.KamstrupList2,
        "Aidon" => RealFrames.AidonList3,
        "Kaifa" => RealFrames.KaifaList3,
        _ => throw new ArgumentException($"No benchmark frame named '{name}'; use Kamstrup, Aidon or Kaifa.", nameof(name)),
    };

    public static byte[] Repeated(byte[] frame, int count)
    {
        var buffer = new byte[frame.Length * count];
        for (var i = 0; i < count; i++)
        {
            frame.CopyTo(buffer, i * frame.Length);
        }

        return buffer;
    }
}
