namespace Han.Cli.Configuration;

/// <summary>
/// One setting as given: its path (<c>meters:0:baud</c>), its text, and where it came from, for messages
/// (<c>han.yaml line 5, column 11</c>, or <c>environment variable HAN_METERS__0__BAUD</c>).
/// </summary>
internal sealed record Setting(string Path, string Value, string Origin)
{
    /// <summary>The path as a user reads it: <c>meters[0].baud</c>.</summary>
    public string Name => Display(Path);

    public static string Display(string path)
    {
        var parts = path.Split(':');
        var name = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (int.TryParse(part, out _))
            {
                name.Append('[').Append(part).Append(']');
            }
            else
            {
                name.Append(name.Length == 0 ? string.Empty : ".").Append(part);
            }
        }

        return name.ToString();
    }
}
