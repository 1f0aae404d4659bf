namespace Han.Cli.Service.Sinks;

/// <summary>An output path of the configuration with its placeholders filled: <c>{meter}</c>, the meter's name.</summary>
internal static class OutputPath
{
    public static string For(string template, string meter) => template.Replace("{meter}", meter, StringComparison.Ordinal);
}
