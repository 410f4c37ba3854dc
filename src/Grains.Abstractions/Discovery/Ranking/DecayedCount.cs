namespace LiveStreamX.Discovery.Ranking;

/// <summary>A count that halves every half-life, stored as its value at one moment so it decays lazily when read.</summary>
[GenerateSerializer, Immutable, Alias("lsx.DecayedCount")]
public readonly record struct DecayedCount([property: Id(0)] double Value, [property: Id(1)] DateTimeOffset AsOf)
{
    /// <summary>The count as it stands at <paramref name="now"/>.</summary>
    public double At(DateTimeOffset now, TimeSpan halfLife) =>
        now <= AsOf || halfLife <= TimeSpan.Zero ? Value : Value * Math.Exp(-Math.Log(2) * ((now - AsOf) / halfLife));

    /// <summary>The count with <paramref name="amount"/> added at <paramref name="now"/>.</summary>
    public DecayedCount Add(double amount, DateTimeOffset now, TimeSpan halfLife) =>
        now >= AsOf ? new(At(now, halfLife) + amount, now) : new(Value + amount, AsOf);
}
