namespace LiveStreamX.RecEval.Traces;

/// <summary>How big a generated trace is; the defaults are the "about 5,000 users, 500 streamers, a week".</summary>
internal sealed record GeneratorSettings(int Users = 5000, int Streamers = 500, int Days = 7, int Seed = 23);

/// <summary>
/// A seeded synthetic Twitch-like trace with the structure the research describes: streamer popularity heavy-tailed
/// (Zipf), streamers live on schedules (some days a week, mostly evenings, a few hours), in categories, each in a
/// co-watching community; users who watch in their own hours, mostly return to a few favourites when one of them is
/// live, and sometimes explore — mostly in their community, then their category, then anything popular — and
/// sometimes adopt what they found as a new favourite. Nothing in it knows how the ranker works.
/// </summary>
internal static class TraceGenerator
{
    public const int TicksPerDay = 144;

    private const int MaxFavourites = 8;

    private static readonly string[] Categories =
    [
        "Just Chatting", "League of Legends", "Fortnite", "Valorant", "Minecraft", "Music", "Chess", "Art",
        "Speedrunning", "IRL Travel", "Cooking", "Sports",
    ];

    private static readonly string[][] CategoryWords =
    [
        ["talk", "podcast", "reacting", "questions"], ["ranked", "solo", "jungle", "worlds"], ["battle", "royale", "zero", "builds"],
        ["ranked", "radiant", "aim", "clutch"], ["survival", "hardcore", "redstone", "modded"], ["piano", "guitar", "lofi", "covers"],
        ["blitz", "openings", "endgames", "titled"], ["drawing", "painting", "digital", "commissions"], ["any", "glitchless", "routing", "practice"],
        ["walking", "tokyo", "street", "market"], ["baking", "pasta", "ramen", "recipes"], ["football", "watchalong", "fantasy", "highlights"],
    ];

    private static readonly string[] GeneralTags = ["english", "chill", "competitive", "educational", "funny", "cozy", "pro", "beginner"];

    /// <summary>The trace and its streamers, the sessions in time order.</summary>
    public static (List<Session> Sessions, List<StreamerMeta> Streamers, List<Broadcast> Broadcasts) Generate(GeneratorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Users, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Streamers, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Days, 1);
        var random = new Random(settings.Seed);
        var ticks = settings.Days * TicksPerDay;
        var categoryShare = Enumerable.Range(0, Categories.Length).Select(i => 1 / Math.Pow(i + 1, 0.8)).ToArray();
        var communitiesPerCategory = Math.Max(1, Math.Min(3, settings.Streamers / (Categories.Length * 4)));

        // Streamers: Zipf popularity over a random order, a category, a community inside it, a weekly schedule.
        var popularityRank = Enumerable.Range(0, settings.Streamers).OrderBy(_ => random.Next()).ToArray();
        var streamers = new StreamerModel[settings.Streamers];
        var metas = new List<StreamerMeta>(settings.Streamers);
        var broadcasts = new List<int>[ticks];
        for (var t = 0; t < ticks; t++)
        {
            broadcasts[t] = [];
        }

        var streamCounter = 0;
        var schedule = new List<Broadcast>();
        for (var i = 0; i < settings.Streamers; i++)
        {
            var popularity = 1 / Math.Pow(popularityRank[i] + 1, 1.0);
            var category = Pick(random, categoryShare);
            var community = (category * communitiesPerCategory) + random.Next(communitiesPerCategory);
            var words = CategoryWords[category];
            var tags = new[] { words[random.Next(words.Length)], GeneralTags[random.Next(GeneralTags.Length)] }.Distinct().ToArray();
            var title = $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]} with {Name(i)}";
            var model = new StreamerModel(Name(i), popularity, category, community, new int[ticks]);
            Array.Fill(model.StreamAt, -1);

            // Bigger streamers stream more days; most go live in the evening, for two to seven hours.
            var daysShare = Math.Min(0.95, 0.35 + (0.6 * Math.Pow(popularity, 0.25)) + (0.1 * random.NextDouble()));
            var hour = random.NextDouble() < 0.7 ? Normal(random, 19, 2.5) : random.NextDouble() * 24;
            for (var day = 0; day < settings.Days; day++)
            {
                if (random.NextDouble() > daysShare)
                {
                    continue;
                }

                var start = (day * TicksPerDay) + (int)(((hour + Normal(random, 0, 0.75)) % 24 + 24) % 24 * 6);
                var length = 12 + random.Next(31);
                var stream = streamCounter++;
                int? first = null, last = null;
                for (var t = Math.Max(0, start); t < Math.Min(ticks, start + length); t++)
                {
                    if (model.StreamAt[t] < 0)
                    {
                        model.StreamAt[t] = stream;
                        broadcasts[t].Add(i);
                        first ??= t;
                        last = t;
                    }
                }

                if (first is { } from && last is { } to)
                {
                    schedule.Add(new Broadcast(model.Name, $"b{stream}", from, to + 1));
                }
            }

            streamers[i] = model;
            metas.Add(new StreamerMeta(model.Name, Categories[category], tags, title));
        }

        var byCommunity = streamers.Select((s, i) => (s, i)).GroupBy(x => x.s.Community).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var communityWeight = byCommunity.ToDictionary(c => c.Key, c => c.Value.Sum(i => streamers[i].Popularity));
        var communityKeys = communityWeight.Keys.Order().ToArray();
        var communityWeights = communityKeys.Select(k => communityWeight[k]).ToArray();

        var sessions = new List<Session>(settings.Users * settings.Days * 3);
        for (var u = 0; u < settings.Users; u++)
        {
            SimulateUser(random, $"u{u}", settings, streamers, byCommunity, communityKeys, communityWeights, broadcasts, communitiesPerCategory, sessions);
        }

        sessions.Sort((a, b) => a.Start.CompareTo(b.Start));
        schedule.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (sessions, metas, schedule);
    }

    private static void SimulateUser(
        Random random,
        string user,
        GeneratorSettings settings,
        StreamerModel[] streamers,
        Dictionary<int, int[]> byCommunity,
        int[] communityKeys,
        double[] communityWeights,
        List<int>[] broadcasts,
        int communitiesPerCategory,
        List<Session> sessions)
    {
        var ticks = broadcasts.Length;
        var communities = new List<int> { communityKeys[Pick(random, communityWeights)] };
        if (random.NextDouble() < 0.2)
        {
            communities.Add(communityKeys[Pick(random, communityWeights)]);
        }

        var categories = communities.Select(c => c / communitiesPerCategory).ToHashSet();
        var explore = 0.08 + (0.4 * random.NextDouble() * random.NextDouble());
        var adopt = 0.15 + (0.3 * random.NextDouble());
        var activeDays = 0.3 + (0.65 * random.NextDouble());
        var sessionsPerDay = Math.Exp(Normal(random, 0.8, 0.5));
        var onlineHour = Normal(random, 20, 3);

        // Favourites: mostly from the user's communities, by popularity; a few from anywhere.
        var favourites = new Dictionary<int, double>();
        var wanted = 1 + Poisson(random, 2.5);
        for (var attempt = 0; attempt < wanted * 4 && favourites.Count < Math.Min(wanted, MaxFavourites); attempt++)
        {
            var pool = random.NextDouble() < 0.85 ? byCommunity[communities[random.Next(communities.Count)]] : null;
            var pick = pool is null ? Pick(random, streamers.Select(s => s.Popularity).ToArray()) : pool[Pick(random, pool.Select(i => streamers[i].Popularity).ToArray())];
            favourites.TryAdd(pick, Math.Exp(Normal(random, 0, 0.8)));
        }

        var busyUntil = 0;
        for (var day = 0; day < settings.Days; day++)
        {
            if (random.NextDouble() > activeDays)
            {
                continue;
            }

            var count = Poisson(random, sessionsPerDay);
            var t = (day * TicksPerDay) + (int)((((onlineHour + Normal(random, 0, 1.5)) % 24) + 24) % 24 * 6);
            for (var k = 0; k < count; k++)
            {
                t = Math.Max(t, busyUntil);
                if (t >= ticks)
                {
                    break;
                }

                var live = broadcasts[t];
                if (live.Count == 0)
                {
                    t += 3;
                    continue;
                }

                var liveFavourites = live.Where(favourites.ContainsKey).ToArray();
                int streamer;
                if (liveFavourites.Length > 0 && random.NextDouble() > explore)
                {
                    streamer = liveFavourites[Pick(random, liveFavourites.Select(f => favourites[f]).ToArray())];
                }
                else if (liveFavourites.Length == 0 && random.NextDouble() < 0.4)
                {
                    // None of their favourites is on: some come back later instead of browsing.
                    t += 6 + random.Next(12);
                    continue;
                }
                else
                {
                    streamer = Explore(random, live, streamers, communities, categories, communitiesPerCategory);
                    if (!favourites.ContainsKey(streamer) && random.NextDouble() < adopt)
                    {
                        if (favourites.Count >= MaxFavourites)
                        {
                            favourites.Remove(favourites.MinBy(f => f.Value).Key);
                        }

                        favourites[streamer] = Math.Exp(Normal(random, 0, 0.8));
                    }
                }

                var model = streamers[streamer];
                var stream = model.StreamAt[t];
                var end = t;
                while (end < ticks && model.StreamAt[end] == stream)
                {
                    end++;
                }

                var length = Math.Min(end - t, 1 + Geometric(random, 5));
                sessions.Add(new Session(user, $"b{stream}", model.Name, t, t + length));
                busyUntil = t + length;
                t = busyUntil + Geometric(random, 4);
            }
        }
    }

    // Exploration: mostly what the user's community watches, then their categories, then anything, by popularity.
    private static int Explore(Random random, List<int> live, StreamerModel[] streamers, List<int> communities, HashSet<int> categories, int communitiesPerCategory)
    {
        var roll = random.NextDouble();
        int[] pool = roll < 0.55
            ? [.. live.Where(i => communities.Contains(streamers[i].Community))]
            : roll < 0.8 ? [.. live.Where(i => categories.Contains(streamers[i].Community / communitiesPerCategory))] : [];
        if (pool.Length == 0)
        {
            pool = [.. live];
        }

        return pool[Pick(random, pool.Select(i => streamers[i].Popularity).ToArray())];
    }

    private static string Name(int i) => $"streamer{i:D4}";

    private static int Pick(Random random, double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static double Normal(Random random, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit && k < 100)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    private static int Geometric(Random random, double mean) => (int)Math.Floor(Math.Log(1 - random.NextDouble()) / Math.Log(1 - (1 / (mean + 1))));

    private sealed record StreamerModel(string Name, double Popularity, int Category, int Community, int[] StreamAt);
}
