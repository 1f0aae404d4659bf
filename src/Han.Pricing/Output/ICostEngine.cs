namespace Han.Pricing;

/// <summary>
/// A market's rules and rates: turns a period's energy and spot prices into invoice lines. Norway is
/// <see cref="NorwayCostEngine"/>; any other market can start with <see cref="SimpleMarketCostEngine"/>
/// (spot + markup + fixed fees); Sweden and Denmark would be engines of their own over their own rates file.
/// </summary>
public interface ICostEngine
{
    CostReport Compute(CostRequest request);
}
