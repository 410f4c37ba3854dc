using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LiveStreamX.Api.Apis;

/// <summary>Public profiles, editing my own, and admins' role changes.</summary>
public static class UsersApi
{
    /// <summary>The longest user id a path may name (ids are "u_" and 32 hex digits).</summary>
    public const int MaxUserId = 64;

    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users/{id}", GetAsync).WithTags("Users")
            .WithSummary("A user's public profile: handle, role, display name, bio, avatar and links.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/users/{id}/avatar", GetAvatarAsync).WithTags("Users")
            .WithSummary("The avatar picture a user uploaded.")
            .Produces<byte[]>(StatusCodes.Status200OK, ImageTypes[0], ImageTypes[1..])
            .ProducesProblem(StatusCodes.Status404NotFound);

        // 404: a token whose account is not registered (an admin token minted by the operator's tooling).
        var me = app.MapGroup("/api/me").WithTags("Users").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPatch("/profile", UpdateMineAsync)
            .WithSummary("Edits my profile: a field left out (or null) stays; \"\" or [] clears it.")
            .ProducesValidationProblem();
        me.MapPost("/avatar", UploadAvatarAsync)
            .WithSummary($"Uploads my avatar: the body is the picture ({ProfileRules.AvatarRule}).")
            // Documented, not declared with Accepts: that would make routing answer another content type with a 404.
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = ImageTypes.ToDictionary(t => t, _ => new Microsoft.OpenApi.OpenApiMediaType
                    {
                        Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                    }),
                };
                return Task.CompletedTask;
            })
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        app.MapGroup("/api/admin/users").WithTags("Admin").RequireAuthorization(Policies.Admin)
            .MapPut("/{id}/roles", ChangeRoleAsync)
            .WithSummary("Gives a user another role (viewer, creator or admin), audited; never an admin's own.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<PublicProfile>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await ViewAsync(await RequireUserAsync(id, grains), grains));

    private static async Task<FileContentHttpResult> GetAvatarAsync(string id, HttpContext http, IGrainFactory grains)
    {
        var image = id.Length <= MaxUserId && id.Length > 0 ? await grains.Get<IAvatarGrain>(id).GetAsync() : null;
        if (image is null)
        {
            throw DomainException.NotFound($"User '{id}' has no uploaded avatar.");
        }

        // Each upload has its own URL (?v=), so a picture never changes under one.
        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(image.Bytes, image.ContentType, entityTag: new EntityTagHeaderValue($"\"{image.Version}\""));
    }

    private static async Task<Ok<PublicProfile>> UpdateMineAsync(ProfileChangeRequest request, HttpContext http, IGrainFactory grains)
    {
        var user = await RequireMeAsync(http, grains);
        var links = request.Links?.Select(l => l is null ? null! : new SocialLink(l.Label ?? string.Empty, l.Url ?? string.Empty)).ToList();
        await grains.Get<IProfileGrain>(user.Id).UpdateAsync(new ProfileChange(request.DisplayName, request.Bio, request.AvatarUrl, links));
        return TypedResults.Ok(await ViewAsync(user, grains));
    }

    private static async Task<Ok<PublicProfile>> UploadAvatarAsync(HttpContext http, IGrainFactory grains)
    {
        var user = await RequireMeAsync(http, grains);
        if (!ImageTypes.Contains(http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant()))
        {
            throw new BadHttpRequestException($"Send the picture as {string.Join(", ", ImageTypes)}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > ProfileRules.MaxAvatarBytes)
        {
            throw new BadHttpRequestException(ProfileRules.AvatarRule, StatusCodes.Status413PayloadTooLarge);
        }

        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (body.Length + read > ProfileRules.MaxAvatarBytes)
            {
                throw new BadHttpRequestException(ProfileRules.AvatarRule, StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        var image = body.ToArray();
        if (ProfileRules.ImageType(image) is null)
        {
            throw DomainException.InvalidInput("avatar", ProfileRules.AvatarRule);
        }

        var version = await grains.Get<IAvatarGrain>(user.Id).SetAsync(image);
        await grains.Get<IProfileGrain>(user.Id).UseUploadedAvatarAsync(version);
        return TypedResults.Ok(await ViewAsync(user, grains));
    }

    private static async Task<Ok<RoleChanged>> ChangeRoleAsync(string id, RoleChangeRequest request, HttpContext http, IGrainFactory grains)
    {
        var admin = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        if (!LiveClaims.TryParseRole(request.Role, out var role))
        {
            throw DomainException.InvalidInput("role", "The role is 'viewer', 'creator' or 'admin'.");
        }

        var user = await RequireUserAsync(id, grains);
        var change = await grains.Get<IUserGrain>(user.Id).ChangeRoleAsync(admin, role, request.Reason);
        return TypedResults.Ok(new RoleChanged(change.From.ToWire(), UserView.From(change.Profile)));
    }

    /// <summary>The registered user a route names, or <c>not_found</c>.</summary>
    internal static async Task<UserProfile> RequireUserAsync(string id, IGrainFactory grains) =>
        (id.Length is > 0 and <= MaxUserId ? await grains.Get<IUserGrain>(id).GetProfileAsync() : null)
        ?? throw DomainException.NotFound($"There is no user '{(id.Length <= MaxUserId ? id : id[..MaxUserId] + "…")}'.");

    private static async Task<UserProfile> RequireMeAsync(HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        return await grains.Get<IUserGrain>(actor.UserId).GetProfileAsync()
            ?? throw DomainException.NotFound("Your account is not registered; sign in again.");
    }

    private static async Task<PublicProfile> ViewAsync(UserProfile user, IGrainFactory grains)
    {
        var counts = FollowsApi.CountsAsync(grains, user.Id);
        var details = await grains.Get<IProfileGrain>(user.Id).GetAsync();
        return new PublicProfile(user.Id, user.Handle, user.Role.ToWire(), user.CreatedAt, details.DisplayName, details.Bio,
            details.AvatarUrl, [.. details.Links.Select(l => new SocialLinkView(l.Label, l.Url))]) { Follows = await counts };
    }
}

/// <summary>A user as anyone may see them.</summary>
public sealed record PublicProfile(
    string Id, string Handle, string Role, DateTimeOffset CreatedAt, string? DisplayName, string? Bio, string? AvatarUrl,
    IReadOnlyList<SocialLinkView> Links)
{
    /// <summary>How many follow this user, and how many they follow.</summary>
    public required FollowCounts Follows { get; init; }
}

/// <summary>A social link on the wire.</summary>
public sealed record SocialLinkView(string? Label, string? Url);

/// <summary>The body of <c>PATCH /api/me/profile</c>: a null or missing field stays as it is; "" or [] clears it.</summary>
public sealed record ProfileChangeRequest(string? DisplayName, string? Bio, string? AvatarUrl, IReadOnlyList<SocialLinkView?>? Links);

/// <summary>The body of <c>PUT /api/admin/users/{id}/roles</c>.</summary>
public sealed record RoleChangeRequest(string? Role, string? Reason);

/// <summary>The answer to a role change: the role before and the user after.</summary>
public sealed record RoleChanged(string From, UserView User);
