using Han.TestCorpus.Servers;

namespace Han.Integrations.Tests.Prices;

/// <summary>The recorded answers of the price services (Recorded/README.md), by file name.</summary>
internal static class Recorded
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Prices", "Recorded", name);

    public static RecordedResponse Json(string name) => RecordedResponse.File(PathOf(name), "application/json");

    public static RecordedResponse Xml(string name, int status = 200) => RecordedResponse.File(PathOf(name), "text/xml", status);
}
