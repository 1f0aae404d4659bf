namespace Han.Pricing;

/// <summary>How the power that chooses the capacity step is measured (fri-nettleie's <c>metode</c>).</summary>
public enum CapacityMethod
{
    /// <summary><c>TRE_DØGNMAX_MND</c>: the mean of the three highest daily maxima, on three different days of the month.</summary>
    ThreeDailyMaximaOfMonth,

    /// <summary><c>MND_MAX</c>: the single highest hour of the month.</summary>
    MonthlyMaximum,

    /// <summary><c>FEM_VEKTET_ÅR</c>: five weighted weekly maxima over twelve months (Fjellnett); not computed by this engine.</summary>
    FiveWeightedWeeklyMaximaOfYear,

    /// <summary><c>OV_TREFASE</c>: the main fuse size in amperes (Alut); not computed by this engine.</summary>
    MainFuseThreePhase,
}
