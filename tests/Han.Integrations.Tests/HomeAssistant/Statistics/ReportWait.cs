using Han.Live.Fanout;

namespace Han.Integrations.Tests.HomeAssistant.Statistics;

/// <summary>Waits for what han reports (a list filled under its own lock from another task) instead of a fixed sleep.</summary>
internal static class ReportWait
{
    public static async Task ForAsync(List<(string Text, NoteLevel Level)> reports, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            lock (reports)
            {
                if (reports.Any(r => r.Text.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no report with '{text}' within 30 s");
            await Task.Delay(20);
        }
    }
}
