namespace Han.Web;

/// <summary>One dashboard file as served: its route, content type, bytes, gzip copy (null when not smaller) and ETag.</summary>
internal sealed record DashboardFile(string Route, string ContentType, byte[] Body, byte[]? Gzip, string ETag);
