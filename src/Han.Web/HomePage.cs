using System.Net;
using System.Text;

namespace Han.Web;

/// <summary>The plain page at <c>/</c> until the dashboard comes: han is running, and where its API is.</summary>
internal static class HomePage
{
    public static string Html(IEnumerable<string> meters)
    {
        var text = new StringBuilder();
        text.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>han</title></head><body>\n<h1>han is running</h1>\n<ul>\n")
            .Append("<li><a href=\"api/meters\">api/meters</a>: the meters</li>\n");
        foreach (var meter in meters)
        {
            var path = "api/meters/" + Uri.EscapeDataString(meter);
            var name = WebUtility.HtmlEncode(meter);
            text.Append($"<li>{name}: <a href=\"{path}/live\">live</a>, <a href=\"{path}/live/stream\">live/stream</a>, <a href=\"{path}/live/recent\">live/recent</a>, ")
                .Append($"<a href=\"{path}/energy\">energy</a>, <a href=\"{path}/power\">power</a>, <a href=\"{path}/capacity\">capacity</a>, <a href=\"{path}/flags\">flags</a></li>\n");
        }

        text.Append("<li><a href=\"api/history\">api/history</a>: the zone and the span of the stored history</li>\n")
            .Append("<li><a href=\"api/status\">api/status</a>: version, uptime, store, line counters, output queues</li>\n")
            .Append("<li><a href=\"metrics\">metrics</a>: Prometheus</li>\n")
            .Append("<li><a href=\"openapi/v1.json\">openapi/v1.json</a>: the API described</li>\n</ul>\n</body></html>\n");
        return text.ToString();
    }
}
