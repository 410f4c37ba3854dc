namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>The ids of the fuzz suite's world that plausible input refers to.</summary>
internal sealed record FuzzWorld(string StreamId, string ViewerId);

/// <summary>
/// Builds malformed input from a shape: a plausible value first, then up to two kinds of noise (extra, missing,
/// null, control or invisible text, huge strings and arrays, numbers at their bounds), then exactly one change that
/// no rule accepts (a wrong type, a lone surrogate, a repeated name, a number past its type, a string for a number,
/// an enum flag combination, an unknown or malformed stream id, a body that is not the documented JSON). The last
/// change is what makes every case a refusal, so any answer but a coded refusal is a finding.
/// </summary>
internal sealed class InputGenerator(Random random, FuzzWorld world, int hugeText)
{
    private static readonly string[] EnumNames = ["mood", "kind", "status", "role", "rarity"];
    private static readonly string[] EnumCombos = ["wow,sad", "love,laugh", "live,ended", "1", "-1", "Love, Laugh", "viewer,creator", "common,rare", "answered,dismissed"];
    private static readonly string[] BrokenTexts = ["\ud800", "ab\udc00", "\udbff", "x\ud800y"];
    private static readonly string[] NoiseTexts = ["\u0000\u001b[2J", "\u200b\u200b", "\u202eevil", "\u3164", "<script>alert(1)</script>", "\ufeff", "\r\n\t", "'; DROP TABLE x; --"];

    /// <summary>What the last change did, for the failure report.</summary>
    public string LastChange { get; private set; } = string.Empty;

    public RawJson Plausible(string name, Shape shape, int depth = 0) => shape.Kind switch
    {
        ShapeKind.Text => RawJson.Text(PlausibleText(name)),
        ShapeKind.Integer => RawJson.Number(PlausibleNumber(name)),
        ShapeKind.Number => RawJson.Number("0.5"),
        ShapeKind.Boolean => RawJson.Bool(true),
        ShapeKind.Array => new RawJson.Array(name == "options" ? [RawJson.Text("a"), RawJson.Text("b")] : [Plausible(name, shape.Item ?? Shape.Any, depth + 1)]),
        ShapeKind.Object => new RawJson.Object([.. shape.Members.Select(m => (RawJson.Quote(m.Name), depth > 4 ? RawJson.Null : Plausible(m.Name, m.Shape, depth + 1)))]),
        _ => new RawJson.Object([]),
    };

    /// <summary>A plausible value with noise, then the one change that makes it refused.</summary>
    public RawJson Malformed(string name, Shape shape, bool refusal = true)
    {
        var value = Plausible(name, shape);
        for (var i = random.Next(3); i > 0; i--)
        {
            value = Noise(name, shape, value);
        }

        LastChange = "noise only";
        return refusal ? Invalidate(name, shape, value) : value;
    }

    /// <summary>A stream id that is unknown or not an id at all.</summary>
    public string BadStreamId() => random.Next(3) switch
    {
        0 => "s_fuzz" + random.Next(1_000_000, 9_999_999),
        1 => new string('s', 65),
        _ => Pick(["a b", "../../etc", "s_\u00e9", "%00", "s:x", "\u200b"]),
    };

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string PlausibleText(string name) => name.ToLowerInvariant() switch
    {
        "streamid" or "id" => world.StreamId,
        "giftcode" or "code" => "rose",
        "mood" => "wow",
        "kind" => "reactions",
        "status" => "answered",
        "action" => "confetti",
        "role" => "viewer",
        "rarity" => "common",
        "handle" => "fz_" + random.Next(100_000, 999_999),
        "category" => "testing",
        "idempotencykey" => "k_fuzz_" + random.Next(),
        "userid" => world.ViewerId,
        "animationkey" => "fuzz",
        _ => "hello",
    };

    private static long PlausibleNumber(string name) => name.ToLowerInvariant() switch
    {
        "durationseconds" => 60,
        "target" => 10,
        "seconds" or "option" => 0,
        _ => 1,
    };

    private RawJson Noise(string name, Shape shape, RawJson value)
    {
        if (value is RawJson.Object obj && obj.Members.Count > 0 && shape.Kind == ShapeKind.Object && random.Next(2) == 0)
        {
            var i = random.Next(obj.Members.Count);
            var member = shape.Members.FirstOrDefault(m => RawJson.Quote(m.Name) == obj.Members[i].QuotedName);
            obj.Members[i] = (obj.Members[i].QuotedName, member.Shape is null ? obj.Members[i].Value : Noise(member.Name, member.Shape, obj.Members[i].Value));
            return obj;
        }

        switch (random.Next(8))
        {
            case 0 when value is RawJson.Object o:
                o.Members.Add((RawJson.Quote("extra" + random.Next(100)), Pick<RawJson>([RawJson.Number(1), RawJson.Text("x"), RawJson.Null, new RawJson.Object([])])));
                return o;
            case 1 when value is RawJson.Object o && o.Members.Count > 0:
                o.Members.RemoveAt(random.Next(o.Members.Count));
                return o;
            case 2 when shape.Kind == ShapeKind.Text:
                return RawJson.Text(Pick(NoiseTexts) + PlausibleText(name));
            case 3 when shape.Kind == ShapeKind.Text:
                return RawJson.Text(new string('w', hugeText));
            case 4 when shape.Kind == ShapeKind.Array:
                return new RawJson.Array([.. Enumerable.Repeat(RawJson.Text("x"), random.Next(7, 1000))]);
            case 5 when shape.Kind is ShapeKind.Integer or ShapeKind.Number:
                return RawJson.Number(Pick(["0", "-1", "2147483647", "-2147483648", "-0", "1e2"]));
            case 6 when shape.Kind != ShapeKind.Object:
                return RawJson.Null;
            default:
                return value;
        }
    }

    private bool _namesAUser;

    private RawJson Invalidate(string name, Shape shape, RawJson value)
    {
        var nameLower = name.ToLowerInvariant();
        var options = new List<Func<RawJson>>();
        if (value is RawJson.Object obj)
        {
            // Unknown members are ignored (a client may be newer than the server), so only a documented one is repeated.
            var documented = obj.Members.Where(m => shape.Kind == ShapeKind.Any || shape.Members.Any(x => RawJson.Quote(x.Name) == m.QuotedName)).ToList();
            if (documented.Count > 0)
            {
                options.Add(() =>
                {
                    var repeated = Pick(documented);
                    obj.Members.Add((repeated.QuotedName, repeated.Value));
                    LastChange = $"repeated member {repeated.QuotedName}";
                    return obj;
                });
            }

            var members = shape.Members.Where(m => obj.Members.Any(x => x.QuotedName == RawJson.Quote(m.Name)) && CanInvalidate(m.Shape)).ToList();
            if (members.Count > 0)
            {
                options.Add(() =>
                {
                    var (memberName, memberShape) = Pick(members);
                    var at = obj.Members.FindIndex(x => x.QuotedName == RawJson.Quote(memberName));
                    // A report names a message (streamId + messageId) or a user (userId): beside a user, no stream id
                    // is a valid user report, so only the malformed stream ids are refusals there.
                    _namesAUser = obj.Members.Any(x => x.QuotedName == RawJson.Quote("userId") && x.Value != RawJson.Null);
                    obj.Members[at] = (obj.Members[at].QuotedName, Invalidate(memberName, memberShape, obj.Members[at].Value));
                    _namesAUser = false;
                    LastChange = $"{memberName}: {LastChange}";
                    return obj;
                });
            }

            if (shape.Kind == ShapeKind.Any)
            {
                options.Add(() =>
                {
                    obj.Members.Add((RawJson.Quote(Pick(BrokenTexts)), RawJson.Number(1)));
                    LastChange = "a member name with a lone surrogate";
                    return obj;
                });
                options.Add(() =>
                {
                    obj.Members.Add((RawJson.Quote("fuzz"), RawJson.Text(Pick(BrokenTexts))));
                    LastChange = "free-form text with a lone surrogate";
                    return obj;
                });
            }
        }

        switch (shape.Kind)
        {
            case ShapeKind.Text:
                options.Add(() => Change(RawJson.Text(Pick(BrokenTexts)), "a lone surrogate"));
                options.Add(() => Change(Pick<RawJson>([RawJson.Number(5), RawJson.Bool(true), new RawJson.Object([]), new RawJson.Array([])]), "not a string"));
                if (EnumNames.Contains(nameLower))
                {
                    options.Add(() => Change(RawJson.Text(Pick(EnumCombos)), "an enum flag combination or number"));
                }

                if (nameLower == "streamid")
                {
                    options.Add(() => Change(RawJson.Text(BadStreamId()), "an unknown or malformed stream id"));
                    if (!_namesAUser)
                    {
                        options.Add(() => Change(RawJson.Null, "no stream id"));
                    }
                }

                break;
            case ShapeKind.Integer:
                options.Add(() => Change(RawJson.Number(shape.Wide
                    ? Pick(["9223372036854775808", "-9223372036854775809", "1.5", "1e40"])
                    : Pick(["2147483648", "-2147483649", "9223372036854775808", "1.5", "1e40", "-1e400"])), "a number past its type"));
                options.Add(() => Change(RawJson.Text(Pick(["5", "1", "0x10", "NaN", "Infinity"])), "a number as a string"));
                options.Add(() => Change(Pick<RawJson>([RawJson.Bool(false), new RawJson.Object([]), new RawJson.Array([])]), "not a number"));
                break;
            case ShapeKind.Number:
                options.Add(() => Change(RawJson.Number("1e400"), "a number past its type"));
                options.Add(() => Change(RawJson.Text(Pick(["0.5", "NaN", "-Infinity"])), "a number as a string"));
                break;
            case ShapeKind.Boolean:
                options.Add(() => Change(Pick<RawJson>([RawJson.Text("true"), RawJson.Number(1), new RawJson.Object([])]), "not a boolean"));
                break;
            case ShapeKind.Array:
                options.Add(() => Change(Pick<RawJson>([RawJson.Text("x"), RawJson.Number(1), new RawJson.Object([])]), "not an array"));
                if (shape.Item is { Kind: ShapeKind.Text })
                {
                    options.Add(() => Change(new RawJson.Array([RawJson.Text("a"), RawJson.Text(Pick(BrokenTexts))]), "an item with a lone surrogate"));
                }

                break;
            case ShapeKind.Object:
                options.Add(() => Change(Pick<RawJson>([RawJson.Text("x"), RawJson.Number(1), new RawJson.Array([])]), "not an object"));
                break;
            case ShapeKind.Any:
                options.Add(() => Change(Pick<RawJson>([RawJson.Number(1), RawJson.Text("x"), new RawJson.Array([RawJson.Number(1)])]), "free-form JSON that is not an object"));
                break;
        }

        return Pick(options)();
    }

    private RawJson Change(RawJson value, string what)
    {
        LastChange = what;
        return value;
    }

    // Objects are changed through their members (a dictionary, with none, is left alone).
    private static bool CanInvalidate(Shape shape) => shape.Kind != ShapeKind.Object || shape.Members.Count > 0;
}
