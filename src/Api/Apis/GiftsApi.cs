using System.Text.Json;
using LiveStreamX.Api.Identity;
using LiveStreamX.Common;
using LiveStreamX.Gifts;
using LiveStreamX.Wallets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveStreamX.Api.Apis;

/// <summary>The gift catalog, sending gifts without a websocket, command gifts and the spin wheel.</summary>
public static class GiftsApi
{
    public static IEndpointRouteBuilder MapGiftsApi(this IEndpointRouteBuilder app)
    {
        var gifts = app.MapGroup("/api").WithTags("Gifts");
        gifts.MapGet("/gifts", ListAsync).WithSummary("The active gift catalog, cheapest first.");
        gifts.MapGet("/commands", ListCommands).WithSummary("The overlay actions gifts can trigger, with their parameter schemas.");
        gifts.MapPost("/streams/{id}/gifts", SendAsync).RequireAuthorization();
        gifts.MapGet("/streams/{id}/gifts", StatsAsync).WithSummary("The stream's gift total and top gifters.");
        gifts.MapGet("/streams/{id}/command-gifts", GetCommandsAsync);
        gifts.MapPut("/streams/{id}/command-gifts", SetCommandsAsync).RequireAuthorization();
        gifts.MapGet("/streams/{id}/wheel", WheelAsync).WithSummary("The spin wheel's current commitment and revealed rounds.");

        var admin = app.MapGroup("/api/admin/gifts").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapPost("/", AddAsync);
        admin.MapPost("/{code}/retire", RetireAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Gift>>> ListAsync(IGrainFactory grains)
    {
        var all = await grains.Get<IGiftCatalogGrain>(0).ListAsync();
        return TypedResults.Ok<IReadOnlyList<Gift>>([.. all.Where(g => g.Active)]);
    }

    private static Ok<IReadOnlyList<CommandView>> ListCommands() =>
        TypedResults.Ok<IReadOnlyList<CommandView>>([.. CommandCatalog.Actions.Select(CommandView.From)]);

    private static async Task<Ok<GiftReceipt>> SendAsync(string id, GiftRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var receipt = await grains.Get<IWalletGrain>(actor.UserId)
            .SendGiftAsync(new SendGift(id, request.GiftCode ?? string.Empty, request.Count ?? 0, request.IdempotencyKey ?? string.Empty));
        return TypedResults.Ok(receipt);
    }

    private static async Task<Ok<GiftStats>> StatsAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await (await grains.ExistingStreamAsync(id)).GetGiftStatsAsync());

    private static async Task<Ok<CommandGiftsView>> GetCommandsAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(CommandGiftsView.From(await (await grains.ExistingStreamAsync(id)).GetCommandGiftsAsync()));

    private static async Task<Ok<CommandGiftsView>> SetCommandsAsync(string id, CommandGiftsRequest request, HttpContext http, IGrainFactory grains)
    {
        var actor = http.User.ToActor() ?? throw new DomainException(ErrorCodes.Unauthorized, "Sign in first.");
        var stream = await grains.ExistingStreamAsync(id);
        var catalog = await grains.Get<IGiftCatalogGrain>(0).ListAsync();
        var (config, errors) = CommandCatalog.Validate(
            [.. (request.Mappings ?? []).Select(m => (m?.GiftCode, m?.Action, m?.Params))],
            request.Cooldowns,
            code => catalog.FirstOrDefault(g => g.Code == code));
        if (config is null)
        {
            throw DomainException.InvalidInput(errors);
        }

        return TypedResults.Ok(CommandGiftsView.From(await stream.SetCommandGiftsAsync(actor, config)));
    }

    private static async Task<Ok<WheelHistory>> WheelAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(await (await grains.ExistingStreamAsync(id)).GetWheelAsync());

    private static async Task<Created<Gift>> AddAsync(GiftDefinition request, IGrainFactory grains)
    {
        if (!WireEnum.TryParse<Rarity>(request.Rarity, out var rarity))
        {
            throw DomainException.InvalidInput("rarity", $"The rarity is one of {WireEnum.List<Rarity>()}.");
        }

        var gift = await grains.Get<IGiftCatalogGrain>(0).AddAsync(new Gift(
            request.Code ?? string.Empty, request.Name ?? string.Empty, request.TokenCost ?? 0, request.AnimationKey ?? string.Empty, rarity, request.CommandAction));
        return TypedResults.Created($"/api/gifts/{gift.Code}", gift);
    }

    private static async Task<Ok<Gift>> RetireAsync(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<IGiftCatalogGrain>(0).RetireAsync(code));

}

/// <summary>The body of <c>POST /api/streams/{id}/gifts</c>.</summary>
public sealed record GiftRequest(string? GiftCode, int? Count, string? IdempotencyKey);

/// <summary>The body of <c>POST /api/admin/gifts</c>.</summary>
public sealed record GiftDefinition(string? Code, string? Name, int? TokenCost, string? AnimationKey, string? Rarity, string? CommandAction);

/// <summary>The body of <c>PUT /api/streams/{id}/command-gifts</c>.</summary>
public sealed record CommandGiftsRequest(IReadOnlyList<CommandMappingRequest?>? Mappings, IReadOnlyDictionary<string, int>? Cooldowns);

/// <summary>One mapping of a <see cref="CommandGiftsRequest"/>.</summary>
public sealed record CommandMappingRequest(string? GiftCode, string? Action, JsonElement? Params);

/// <summary>A stream's command gifts on the wire, with parameters as JSON objects.</summary>
public sealed record CommandGiftsView(IReadOnlyList<CommandMappingView> Mappings, IReadOnlyDictionary<string, int> Cooldowns)
{
    public static CommandGiftsView From(CommandGiftConfig config) =>
        new([.. config.Mappings.Select(m => new CommandMappingView(m.GiftCode, m.Action, JsonDocument.Parse(m.ParamsJson).RootElement))], config.Cooldowns);
}

/// <summary>One mapping of a <see cref="CommandGiftsView"/>.</summary>
public sealed record CommandMappingView(string GiftCode, string Action, JsonElement Params);

/// <summary>An overlay action and its parameter schema on the wire.</summary>
public sealed record CommandView(string Action, string Description, IReadOnlyList<CommandParamView> Params, JsonElement Defaults)
{
    public static CommandView From(CommandAction action) => new(
        action.Action,
        action.Description,
        [.. action.Params.Select(p => new CommandParamView(p.Name, TypeName(p.Type), p.Required, p.Min, p.Max, p.Values))],
        JsonDocument.Parse(action.DefaultParamsJson).RootElement);

    private static string TypeName(ParamType type) => type switch
    {
        ParamType.Color => "color",
        ParamType.WholeNumber => "int",
        ParamType.Number => "number",
        ParamType.Text => "string",
        ParamType.Choice => "enum",
        _ => "string[]",
    };
}

/// <summary>One parameter of a <see cref="CommandView"/>.</summary>
public sealed record CommandParamView(string Name, string Type, bool Required, double? Min, double? Max, IReadOnlyList<string>? Values);
