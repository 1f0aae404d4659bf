namespace Han.Pricing;

/// <summary>Who a tariff is for (fri-nettleie's <c>kundegrupper</c>).</summary>
public enum CustomerGroup
{
    /// <summary><c>husholdning</c>: a home.</summary>
    Household,

    /// <summary><c>fritid</c>: a holiday home (hytte, fritidsbolig).</summary>
    HolidayHome,

    /// <summary><c>liten_næring</c>: a small business on low voltage.</summary>
    SmallBusiness,
}
