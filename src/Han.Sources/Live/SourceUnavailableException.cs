namespace Han.Sources.Live;

/// <summary>A source that cannot be used until the user does something; the message says what.</summary>
public sealed class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
