using System.Globalization;
using System.Text;

namespace LiveStreamX.Api.Tests.Fuzz;

/// <summary>
/// JSON as the fuzz suite writes it: by hand, so that an object may repeat a name and a string may hold a lone
/// surrogate, which no serializer writes.
/// </summary>
internal abstract record RawJson
{
    public static readonly RawJson Null = new Literal("null");

    public static RawJson Text(string value) => new Literal(Quote(value));

    public static RawJson Number(string literal) => new Literal(literal);

    public static RawJson Number(long value) => new Literal(value.ToString(CultureInfo.InvariantCulture));

    public static RawJson Bool(bool value) => new Literal(value ? "true" : "false");

    public abstract void Write(StringBuilder output);

    public sealed override string ToString()
    {
        var output = new StringBuilder();
        Write(output);
        return output.ToString();
    }

    /// <summary>A JSON string literal; every character outside printable ASCII is a \u escape, lone surrogates too.</summary>
    public static string Quote(string value)
    {
        var output = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < 0x20 || c > 0x7e)
            {
                output.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                output.Append(c);
            }
        }

        return output.Append('"').ToString();
    }

    /// <summary>A number, <c>true</c>, <c>null</c>, a quoted string or any text at all (invalid JSON included).</summary>
    public sealed record Literal(string Json) : RawJson
    {
        public override void Write(StringBuilder output) => output.Append(Json);
    }

    public sealed record Array(List<RawJson> Items) : RawJson
    {
        public override void Write(StringBuilder output)
        {
            output.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                Items[i].Write(output);
            }

            output.Append(']');
        }
    }

    /// <summary>An object whose members are kept in order, repeated names included; a name is written as given (already quoted).</summary>
    public sealed record Object(List<(string QuotedName, RawJson Value)> Members) : RawJson
    {
        public override void Write(StringBuilder output)
        {
            output.Append('{');
            for (var i = 0; i < Members.Count; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                output.Append(Members[i].QuotedName).Append(':');
                Members[i].Value.Write(output);
            }

            output.Append('}');
        }
    }
}
