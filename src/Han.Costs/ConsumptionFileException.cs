namespace Han.Costs;

/// <summary>A consumption file han cost cannot read; the message names the file, the line and what to write instead.</summary>
public sealed class ConsumptionFileException : Exception
{
    public ConsumptionFileException()
    {
    }

    public ConsumptionFileException(string message)
        : base(message)
    {
    }

    public ConsumptionFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
