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
        var reason = IoFailure.Reason(cause).TrimEnd('.');
        // The runtime appends the path to some messages ("No space left on device : '/x/.tmp'"): the
        // words before it decide.
        if (reason.StartsWith("Broken pipe", StringComparison.Ordinal))
        {
            return "the program reading it has stopped (broken pipe); the rest was not written";
        }

        return reason.StartsWith("No space left on device", StringComparison.Ordinal)
            ? "no space left on the device; the rest was not written"
            : reason;
    }
}
