namespace Han.Cli.Io;

/// <summary>
/// What the system throws when a file or stream cannot be used: an <see cref="IOException"/>, or an
/// <see cref="UnauthorizedAccessException"/> for a permission (or, from the console stream, a bad
/// descriptor). Anything else is a bug and is not caught where this is used.
/// </summary>
internal static class IoFailure
{
    public static bool Is(Exception failure) => failure is IOException or UnauthorizedAccessException;

    /// <summary>The system's own words: the console stream wraps them in "access to the path is denied".</summary>
    public static string Reason(Exception failure) =>
        failure is UnauthorizedAccessException { InnerException: IOException inner } ? inner.Message : failure.Message;
}
