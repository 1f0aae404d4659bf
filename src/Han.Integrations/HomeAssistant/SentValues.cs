using Han.Live;
using Han.Live.Fanout;
using Han.Readings;

namespace Han.Integrations.HomeAssistant;

/// <summary>
/// Which of the catalog's entities a meter has earned so far: a value the meter has sent at least
/// once (the merged state keeps it from then on), the estimates once they exist, the line's diagnostics
/// once its pipeline reported them. A 1-phase meter never gets L2 entities, a meter without export
/// never gets export ones. The cost entities once han has computed their values (<see cref="AddCost"/>).
/// </summary>
/// <param name="costEntities">The cost entities this han may have (none without cost settings; the alert only with <c>grid.step_alert</c>): a device's config from a run with other settings does not bring back others.</param>
public sealed class SentValues(IReadOnlyCollection<HomeAssistantEntity>? costEntities = null)
{
    private readonly HashSet<HomeAssistantEntity> _costAllowed = new(costEntities ?? [], ReferenceEqualityComparer.Instance);

    private static readonly Dictionary<HomeAssistantEntity, int> Index =
        EntityCatalog.All.Select((entity, i) => (entity, i))
            .ToDictionary<(HomeAssistantEntity Entity, int I), HomeAssistantEntity, int>(pair => pair.Entity, pair => pair.I, ReferenceEqualityComparer.Instance);

    private readonly bool[] _sent = new bool[EntityCatalog.All.Count];

    /// <summary>Notes what a reading carries; true when something new appeared.</summary>
    public bool Add(LiveReading live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var reading = live.Reading;
        var added = false;
        for (var field = (ReadingField)0; (int)field < ReadingFieldInfo.Count; field++)
        {
            added |= reading.Has(field) && Mark(EntityCatalog.Of(field));
        }

        added |= MarkIf(live.ImportEstimate is not null, EntityCatalog.ImportEstimate);
        added |= MarkIf(live.ExportEstimate is not null, EntityCatalog.ExportEstimate);
        added |= MarkIf(live.Identity.MeterId is not null, EntityCatalog.MeterId);
        added |= MarkIf(live.Identity.MeterType is not null, EntityCatalog.MeterType);
        added |= MarkIf(live.Identity.ListVersion is not null, EntityCatalog.ListVersion);
        added |= MarkIf(reading.MeterTime is not null, EntityCatalog.MeterTime);
        return added;
    }

    /// <summary>Notes the line's diagnostics; true the first time (and when a line setting or a last reading first appears).</summary>
    public bool Add(LineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var added = false;
        var line = EntityCatalog.Line;
        for (var i = 0; i < line.Count; i++)
        {
            var entity = line[i];
            var present = entity.Key switch
            {
                "line_settings" => status.LineSettings is not null,
                "last_reading" => status.LastReading is not null,
                _ => true,
            };
            added |= MarkIf(present, entity);
        }

        return added;
    }

    /// <summary>Notes the cost entities whose keys han's cost topic carries a value for; true when any was not noted yet.</summary>
    public bool AddCost(IReadOnlyCollection<string> keysWithValues)
    {
        ArgumentNullException.ThrowIfNull(keysWithValues);
        var added = false;
        foreach (var entity in _costAllowed)
        {
            added |= MarkIf(keysWithValues.Contains(entity.Key), entity);
        }

        return added;
    }

    /// <summary>
    /// Notes the entities a device had before (the components of its retained config, by id), so that
    /// they are announced again even before the meter sends their values; true when any was not noted yet.
    /// Ids the catalog does not know (from another version of han) are passed over.
    /// </summary>
    public bool Remember(IEnumerable<string> componentIds)
    {
        ArgumentNullException.ThrowIfNull(componentIds);
        var added = false;
        foreach (var id in componentIds)
        {
            added |= EntityCatalog.ById(id) is { } entity && (entity.Topic is null || _costAllowed.Contains(entity)) && Mark(entity);
        }

        return added;
    }

    /// <summary>The entities earned so far, in catalog order.</summary>
    public IReadOnlyList<HomeAssistantEntity> Entities => [.. EntityCatalog.All.Where((_, i) => _sent[i])];

    private bool MarkIf(bool present, HomeAssistantEntity entity) => present && Mark(entity);

    private bool Mark(HomeAssistantEntity entity)
    {
        var i = Index[entity];
        if (_sent[i])
        {
            return false;
        }

        _sent[i] = true;
        return true;
    }
}
