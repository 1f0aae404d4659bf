namespace Han.Storage;

/// <summary>The store cannot be used as it is (a schema newer than this han, say); the message says what to do.</summary>
public sealed class HistoryStoreException : Exception
{
    public HistoryStoreException()
    {
    }

    public HistoryStoreException(string message)
        : base(message)
    {
    }

    public HistoryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
