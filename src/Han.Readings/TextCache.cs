using System.Text;

namespace Han.Readings;

/// <summary>
/// Turns the identity strings a meter repeats in every list (meter id, type, list version) into .NET
/// strings once: a hit compares bytes and allocates nothing. Small and per stream, so it cannot grow.
/// </summary>
internal sealed class TextCache
{
    private const int Capacity = 8;

    private readonly byte[][] _keys = new byte[Capacity][];
    private readonly string[] _values = new string[Capacity];
    private int _next;

    public string Get(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        for (var i = 0; i < Capacity; i++)
        {
            if (_keys[i] is { } key && bytes.SequenceEqual(key))
            {
                return _values[i];
            }
        }

        var text = encoding.GetString(bytes);
        _keys[_next] = bytes.ToArray();
        _values[_next] = text;
        _next = (_next + 1) % Capacity;
        return text;
    }
}
