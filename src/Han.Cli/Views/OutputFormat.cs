namespace Han.Cli.Views;

/// <summary>The output formats of <c>han decode</c> (DESIGN.md §2.1).</summary>
public enum OutputFormat
{
    /// <summary>A readable summary per reading.</summary>
    Text,

    /// <summary>One JSON object per line: readings and problems.</summary>
    Json,

    /// <summary>Annotated hex of every frame.</summary>
    Hex,

    /// <summary>The COSEM structure of every frame.</summary>
    Tree,

    /// <summary><c>name = value unit</c> per reading.</summary>
    Fields,
}
