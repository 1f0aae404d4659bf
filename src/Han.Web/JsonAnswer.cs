using System.Buffers;
using System.Text.Json;
using Han.Readings.Json;
using Microsoft.AspNetCore.Http;

namespace Han.Web;

/// <summary>Writes an answer's JSON with <see cref="Utf8JsonWriter"/> (no reflection, so trimming keeps it working).</summary>
internal static class JsonAnswer
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, ReadingJsonWriter.Options))
        {
            write(writer);
        }

        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }

    /// <summary>400 with the reason: the parameter, its value and what would be valid.</summary>
    public static Task BadRequestAsync(HttpResponse response, string problem) => ErrorAsync(response, problem, StatusCodes.Status400BadRequest);

    /// <summary>404 saying what is missing and what to configure (an endpoint whose feature is not set up).</summary>
    public static Task NotConfiguredAsync(HttpResponse response, string problem) => ErrorAsync(response, problem, StatusCodes.Status404NotFound);

    /// <summary>503 saying why a figure cannot be computed now and what would let it be (a rate or tariff that does not cover today).</summary>
    public static Task CannotComputeAsync(HttpResponse response, string problem) => ErrorAsync(response, problem, StatusCodes.Status503ServiceUnavailable);

    /// <summary>404 naming the meters there are, so that a typo in a URL explains itself.</summary>
    public static Task NoSuchMeterAsync(HttpResponse response, string name, IEnumerable<string> known) =>
        ErrorAsync(response, $"no meter is named '{name}'; han reads {string.Join(", ", known)}", StatusCodes.Status404NotFound);

    private static Task ErrorAsync(HttpResponse response, string problem, int status) =>
        WriteAsync(response, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", problem);
            writer.WriteEndObject();
        }, status);
}
