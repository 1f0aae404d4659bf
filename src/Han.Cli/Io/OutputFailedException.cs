namespace Han.Cli.Io;

/// <summary>
/// Something han had to write could not be written (standard output closed, a full disk, a reader that
/// went away). Its own type, not an <see cref="IOException"/>, so that no handler meant for a failing
/// input can report it as one: a write error is never a read error.
/// </summary>
internal sealed class OutputFailedException : Exception
{
    public OutputFailedException(string target, Exception cause)
        : base($"cannot write to {target}: {Reason(cause)}", cause)
    {
    }

    /// <summary>The system's reason in words a user can act on.</summary>
    private static string Reason(Exception cause)
    {
        // The console stream reports a descriptor it may not write to (EBADF) as "access denied", with the
        // system's words inside.
        var message = cause is UnauthorizedAccessException { InnerException: IOException inner } ? inner.Message : cause.Message;
        return message.TrimEnd('.') switch
        {
            "Broken pipe" => "the program reading it has stopped (broken pipe); the rest was not written",
            "No space left on device" => "no space left on the device; the rest was not written",
            var other => other,
        };
    }
}
