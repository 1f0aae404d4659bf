using System.Net;

namespace Han.Integrations.Prices;

/// <summary>
/// One GET to a price service, with the failures of the network (no route, refused, timed out) turned
/// into a <see cref="PriceSourceException"/> that names the service: to the caller an outage is one kind
/// of trouble, whatever the socket said.
/// </summary>
internal static class PriceHttp
{
    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, Uri address, string service, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(address, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (HttpRequestException problem)
        {
            throw new PriceSourceException($"{service} could not be reached ({problem.Message}); han tries again later, and the prices it has are kept", problem);
        }
        catch (TaskCanceledException problem) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PriceSourceException($"{service} did not answer within {client.Timeout.TotalSeconds:0} s; han tries again later, and the prices it has are kept", problem);
        }
    }

    /// <summary>A service's answer that is neither prices nor "not yet": the start of what it said, for the log.</summary>
    public static PriceSourceException Unexpected(string service, HttpStatusCode status, string body) =>
        new($"{service} answered HTTP {(int)status} {status}: {Excerpt(body)}; han tries again later");

    public static string Excerpt(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 200 ? flat : flat[..200] + "...";
    }
}
