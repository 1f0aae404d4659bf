namespace Han.Pricing;

/// <summary>Who an invoice line is owed to or from (DESIGN.md §2.3: supplier|grid|support).</summary>
public enum Party
{
    /// <summary>The electricity supplier (kraftleverandør).</summary>
    Supplier,

    /// <summary>The grid company (nettselskap), with the taxes it collects.</summary>
    Grid,

    /// <summary>The state's support scheme, settled on the grid invoice (strømstøtte or Norgespris).</summary>
    Support,
}
