using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Han.Web;

/// <summary>
/// The dashboard's files (wwwroot/, embedded in this assembly so that the trimmed single-file release
/// carries them): read once at start, each with its ETag and, where it is text, a gzip copy. Every file
/// is a GET endpoint of its own, so that an unknown path stays a plain 404; the files carry no version in
/// their names, so a browser asks again each time (<c>no-cache</c>) and gets 304 while the ETag holds.
/// </summary>
internal sealed class DashboardFiles
{
    /// <summary>The prefix the project file gives the files' resource names.</summary>
    private const string Prefix = "wwwroot/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    };

    private static readonly Lazy<DashboardFiles> Embedded = new(() => Load(typeof(DashboardFiles).Assembly));

    private DashboardFiles(IReadOnlyList<DashboardFile> files) => Files = files;

    /// <summary>This assembly's files, read and compressed once per process (every server of a test run shares them).</summary>
    public static DashboardFiles OfThisAssembly => Embedded.Value;

    public IReadOnlyList<DashboardFile> Files { get; }

    /// <summary>Reads every embedded file under wwwroot/; a file of a kind not served is a build mistake, said at once.</summary>
    public static DashboardFiles Load(Assembly assembly)
    {
        var files = new List<DashboardFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = name[Prefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType))
            {
                throw new InvalidOperationException($"the dashboard file {path} is of a kind the web server does not serve; add its content type to {nameof(DashboardFiles)}");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            var route = path == "index.html" ? "/" : "/" + path;
            files.Add(new DashboardFile(route, contentType, body, Gzip(body), ETagOf(body)));
        }

        return new DashboardFiles(files);
    }

    /// <summary>Maps every file but the page itself, which <see cref="WebServer"/> maps as the described "home".</summary>
    public void MapAssets(IEndpointRouteBuilder app)
    {
        foreach (var file in Files.Where(f => f.Route != "/"))
        {
            app.MapGet(file.Route, (HttpContext context) => ServeAsync(file, context)).ExcludeFromDescription();
        }
    }

    public DashboardFile Page => Files.Single(f => f.Route == "/");

    public static Task ServeAsync(DashboardFile file, HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.ETag = file.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (request.Headers.IfNoneMatch.Contains(file.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = file.ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        var body = file.Body;
        if (file.Gzip is { } gzip && AcceptsGzip(request))
        {
            response.Headers.ContentEncoding = "gzip";
            body = gzip;
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.Any(value => value is not null && value.Contains("gzip", StringComparison.OrdinalIgnoreCase));

    /// <summary>The gzip copy, or null when it would not be smaller (an already compressed or tiny file).</summary>
    private static byte[]? Gzip(byte[] body)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return packed.Length < body.Length ? packed.ToArray() : null;
    }

    private static string ETagOf(byte[] body) => "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
}
