namespace Han.Simulation.Load;

/// <summary>
/// The kitchen's peaks: a kettle most mornings, dinner most days between 16:00 and 18:30 on one to three
/// plates that cycle under their own thermostats (1.2-2 kW each), an oven some days, a weekend lunch,
/// and the dishwasher heating its water (1.8 kW) after dinner. All resistive, each on its own branch.
/// </summary>
public sealed class Cooking : IAppliance
{
    private readonly DailyPlan<Session> _sessions;

    public Cooking(SimRandom random)
    {
        _sessions = new DailyPlan<Session>(now => Plan(random, now), session => session.Start);
    }

    public void AddTo(in LoadMoment now, BranchLoads loads)
    {
        foreach (var session in _sessions.For(now))
        {
            if (session.Start <= now.Instant && now.Instant < session.End && session.Element.At(now.Instant, session.Duty))
            {
                loads.Add(session.Branch, session.Watts, 0);
            }
        }
    }

    private static List<Session> Plan(SimRandom random, LoadMoment now)
    {
        var sessions = new List<Session>();
        if (random.Chance(0.7))
        {
            var kettle = now.AtLocalHour(random.Between(6.5, 8.0));
            sessions.Add(new Session(kettle, kettle + random.Minutes(2, 4), 1800, random.Between(0, 3), 1, Element(random, 60)));
        }

        if (random.Chance(0.9))
        {
            var dinner = now.AtLocalHour(random.Between(16.0, 18.5));
            var end = dinner + random.Minutes(25, 60);
            var firstPlate = random.Between(0, 3);
            for (var plate = random.Between(1, 4); plate > 0; plate--)
            {
                sessions.Add(new Session(dinner + random.Minutes(0, 10), end, random.Between(1200.0, 2000.0), firstPlate + plate, random.Between(0.4, 0.8), Element(random, random.Between(60, 120))));
            }

            if (random.Chance(0.35))
            {
                var oven = dinner - random.Minutes(0, 15);
                sessions.Add(new Session(oven, oven + random.Minutes(35, 60), 2200, random.Between(0, 3), 0.6, Element(random, 300)));
            }

            if (random.Chance(0.8))
            {
                var dishwasher = end + random.Minutes(30, 150);
                sessions.Add(new Session(dishwasher, dishwasher + random.Minutes(20, 30), 1800, random.Between(0, 3), 1, Element(random, 60)));
            }
        }

        if (now.IsWeekend && random.Chance(0.5))
        {
            var lunch = now.AtLocalHour(random.Between(12.0, 13.5));
            sessions.Add(new Session(lunch, lunch + random.Minutes(15, 30), random.Between(1200.0, 2000.0), random.Between(0, 3), 0.6, Element(random, 90)));
        }

        return sessions;
    }

    private static Thermostat Element(SimRandom random, int periodSeconds) =>
        new(random.Fork((ulong)random.Between(0, int.MaxValue)), TimeSpan.FromSeconds(periodSeconds));

    private sealed record Session(DateTimeOffset Start, DateTimeOffset End, double Watts, int Branch, double Duty, Thermostat Element);
}
