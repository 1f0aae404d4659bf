namespace Han.Cli.Service;

/// <summary>The history's database server did not answer at start within han run's patience (exit code 69, EX_UNAVAILABLE).</summary>
internal sealed class HistoryUnavailableException(string message, Exception inner) : Exception(message, inner);
