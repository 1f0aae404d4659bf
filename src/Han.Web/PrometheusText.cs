using System.Globalization;
using System.Text;

namespace Han.Web;

/// <summary>
/// Prometheus' text exposition format, version 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats):
/// a <c># HELP</c> and <c># TYPE</c> line once per metric, then one line per sample with its labels.
/// Samples of one metric must stand together, so the caller writes each metric for every meter in turn.
/// </summary>
internal sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Describe(string metric, string type, string help) =>
        _text.Append("# HELP ").Append(metric).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(metric).Append(' ').Append(type).Append('\n');

    public void Sample(string metric, decimal value, params (string Name, string Value)[] labels)
    {
        _text.Append(metric);
        if (labels.Length > 0)
        {
            _text.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                _text.Append(i == 0 ? string.Empty : ",").Append(labels[i].Name).Append("=\"").Append(Escape(labels[i].Value)).Append('"');
            }

            _text.Append('}');
        }

        _text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    public override string ToString() => _text.ToString();

    /// <summary>A label value escapes backslash, double quote and line feed.</summary>
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
