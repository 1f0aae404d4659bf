using System.Text;

namespace Han.Protocol;

/// <summary>Stable snake_case names for <see cref="DecodeError"/> and <see cref="DecodeLayer"/> (used in JSON output).</summary>
public static class DecodeErrorNames
{
    private static readonly string[] ErrorNames = BuildNames<DecodeError>();
    /// <summary>A layer's name is its member name in lower case ("MBus" is "mbus", not snake case).</summary>
    private static readonly string[] LayerNames = [.. Enum.GetNames<DecodeLayer>().Select(name => name.ToLowerInvariant())];

    public static string Name(this DecodeError error) => ErrorNames[(int)error];

    public static string Name(this DecodeLayer layer) => LayerNames[(int)layer];

    private static string[] BuildNames<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Length];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = ToSnakeCase(value.ToString());
        }

        return names;
    }

    private static string ToSnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
