namespace LiveStreamX.Common;

/// <summary>A rule of the domain said no; <see cref="Code"/> is one of <see cref="ErrorCodes"/>.</summary>
[GenerateSerializer, Alias("lsx.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(string code, string message) : base(message) => Code = code;

    public DomainException(string code, string message, Exception innerException) : base(message, innerException) => Code = code;

    public DomainException() : this(ErrorCodes.InvalidInput, "Invalid input.")
    {
    }

    public DomainException(string message) : this(ErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>The stable, machine-readable code.</summary>
    [Id(0)]
    public string Code { get; }

    /// <summary>The input field the error is about, when there is one.</summary>
    [Id(1)]
    public string? Field { get; init; }

    /// <summary>Several field errors at once, by field path (for example <c>mappings[0].params.color</c>).</summary>
    [Id(2)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public static DomainException InvalidInput(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorCodes.InvalidInput, string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))) { Errors = errors };

    public static DomainException InvalidInput(string field, string message) => new(ErrorCodes.InvalidInput, message) { Field = field };

    public static DomainException NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static DomainException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
}
