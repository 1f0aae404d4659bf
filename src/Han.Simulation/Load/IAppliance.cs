namespace Han.Simulation.Load;

/// <summary>One part of a household's consumption (or production), asked in time order for what it draws now.</summary>
public interface IAppliance
{
    void AddTo(in LoadMoment now, BranchLoads loads);
}
