namespace Han.Cli.Io;

/// <summary>What standard input is connected to, as far as a command cares.</summary>
internal enum InputState
{
    /// <summary>A pipe or a file: bytes to read.</summary>
    Redirected,

    /// <summary>The user's terminal: reading it waits for typing.</summary>
    Terminal,

    /// <summary>han was started without standard input (<c>&lt;&amp;-</c>).</summary>
    Closed,
}
