using LiveStreamX.Discovery.Ranking;

namespace LiveStreamX.Grains.Discovery.Ranking;

/// <summary>Creator embeddings from implicit-feedback matrix factorisation, with each creator's learned popularity bias.</summary>
[GenerateSerializer, Alias("lsx.CreatorEmbeddings")]
public sealed class CreatorEmbeddings : IEmbeddingLookup
{
    [Id(0)] private readonly Dictionary<string, float[]> vectors = [];
    [Id(1)] private readonly Dictionary<string, float> biases = [];

    /// <summary>When the model was trained (trace time in RecEval).</summary>
    [Id(2)] public DateTimeOffset TrainedAt { get; init; }

    [Id(3)] public int Dimensions { get; init; }

    public int Count => vectors.Count;

    /// <inheritdoc />
    public float[]? EmbeddingOf(string creatorId) => vectors.GetValueOrDefault(creatorId);

    /// <summary>The creator's learned bias (how much everyone watches them), zero when unknown.</summary>
    public float BiasOf(string creatorId) => biases.GetValueOrDefault(creatorId);

    internal void Set(string creatorId, float[] vector, float bias)
    {
        vectors[creatorId] = vector;
        biases[creatorId] = bias;
    }
}

/// <summary>How <see cref="ImplicitFactorization"/> trains.</summary>
public sealed record FactorizationSettings(int Dimensions = 16, int Epochs = 20, double LearningRate = 0.05, double Regularization = 0.01, int Seed = 1);

/// <summary>
/// Implicit-feedback matrix factorisation by Bayesian personalised ranking (Rendle et al. 2009, the paper's MF-BPR):
/// for each (viewer, creator they watched) it samples a creator they did not watch and moves the factors so the
/// watched one scores higher. Pure code, retrained periodically (ML.NET's one-class matrix factorisation is in
/// Microsoft.ML.Recommender, which the registry here does not serve). A viewer's vector is folded in at ranking time
/// from their strongest creators (<see cref="FoldIn"/>), so a retrained model never meets a stale viewer vector.
/// </summary>
public static class ImplicitFactorization
{
    /// <summary>Learns creator embeddings from distinct (viewer, creator) pairs.</summary>
    public static CreatorEmbeddings Train(IEnumerable<(string Viewer, string Creator)> watched, FactorizationSettings settings, DateTimeOffset trainedAt)
    {
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(settings);
        var viewerIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var creatorIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new List<(int Viewer, int Creator)>();
        var seen = new HashSet<(int, int)>();
        foreach (var (viewer, creator) in watched)
        {
            var v = Id(viewerIds, viewer);
            var c = Id(creatorIds, creator);
            if (seen.Add((v, c)))
            {
                pairs.Add((v, c));
            }
        }

        var d = settings.Dimensions;
        var random = new Random(settings.Seed);
        var p = Init(viewerIds.Count, d, random);
        var q = Init(creatorIds.Count, d, random);
        var bias = new float[creatorIds.Count];
        var lr = (float)settings.LearningRate;
        var reg = (float)settings.Regularization;
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        for (var epoch = 0; epoch < settings.Epochs && creatorIds.Count > 1; epoch++)
        {
            random.Shuffle(order);
            foreach (var k in order)
            {
                var (u, i) = pairs[k];
                int j;
                var tries = 0;
                do
                {
                    j = random.Next(creatorIds.Count);
                }
                while ((j == i || seen.Contains((u, j))) && ++tries < 10);

                var pu = p.AsSpan(u * d, d);
                var qi = q.AsSpan(i * d, d);
                var qj = q.AsSpan(j * d, d);
                var x = bias[i] - bias[j];
                for (var f = 0; f < d; f++)
                {
                    x += pu[f] * (qi[f] - qj[f]);
                }

                // d/dx ln σ(x) = σ(-x).
                var g = 1f / (1f + MathF.Exp(x));
                for (var f = 0; f < d; f++)
                {
                    var puf = pu[f];
                    pu[f] += lr * ((g * (qi[f] - qj[f])) - (reg * puf));
                    qi[f] += lr * ((g * puf) - (reg * qi[f]));
                    qj[f] += lr * ((-g * puf) - (reg * qj[f]));
                }

                bias[i] += lr * (g - (reg * bias[i]));
                bias[j] += lr * (-g - (reg * bias[j]));
            }
        }

        var model = new CreatorEmbeddings { TrainedAt = trainedAt, Dimensions = d };
        foreach (var (creator, c) in creatorIds)
        {
            model.Set(creator, q.AsSpan(c * d, d).ToArray(), bias[c]);
        }

        return model;
    }

    /// <summary>
    /// A viewer's vector in <paramref name="model"/>'s space: the mean of their strongest creators' embeddings,
    /// weighted by how much they watch each; empty when the model knows none of them.
    /// </summary>
    public static float[] FoldIn(InterestState user, IEmbeddingLookup model, DateTimeOffset now, RankingOptions options)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(model);
        float[]? sum = null;
        foreach (var (creator, strength) in CoWatchIndex.StrongestCreators(user, now, options.CoWatchSeeds, options))
        {
            if (model.EmbeddingOf(creator) is not { Length: > 0 } vector)
            {
                continue;
            }

            sum ??= new float[vector.Length];
            if (vector.Length != sum.Length)
            {
                continue;
            }

            for (var f = 0; f < vector.Length; f++)
            {
                sum[f] += (float)strength * vector[f];
            }
        }

        return sum ?? [];
    }

    private static int Id(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            ids[key] = id = ids.Count;
        }

        return id;
    }

    private static float[] Init(int rows, int d, Random random)
    {
        var m = new float[rows * d];
        for (var i = 0; i < m.Length; i++)
        {
            m[i] = (float)((random.NextDouble() - 0.5) * 0.1);
        }

        return m;
    }
}
