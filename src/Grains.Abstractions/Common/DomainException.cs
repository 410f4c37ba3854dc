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

    public static DomainException InvalidInput(string field, string message) => new(ErrorCodes.InvalidInput, message) { Field = field };

    public static DomainException NotFound(string message) => new(ErrorCodes.NotFound, message);

    public static DomainException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
}
