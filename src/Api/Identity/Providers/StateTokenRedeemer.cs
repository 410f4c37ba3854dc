using LiveStreamX.Common;
using LiveStreamX.Identity;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Client.OpenIddictClientEvents;

namespace LiveStreamX.Api.Identity.Providers;

/// <summary>Refuses a callback whose state was used before, on whichever node it was used.</summary>
internal sealed class StateTokenRedeemer(IGrainFactory grains) : IOpenIddictClientHandler<ProcessAuthenticationContext>
{
    /// <summary>Runs where OpenIddict would redeem the state token in its database, which LiveStreamX does not keep.</summary>
    public static OpenIddictClientHandlerDescriptor Descriptor { get; } =
        OpenIddictClientHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<StateTokenRedeemer>()
            .SetOrder(OpenIddictClientHandlers.RedeemStateTokenEntry.Descriptor.Order + 1)
            .SetType(OpenIddictClientHandlerType.Custom)
            .Build();

    private const string RedeemedKey = "lsx:state-redeemed";

    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        // OpenIddict authenticates a callback twice in one request (its own pass, then the endpoint's): redeem once.
        if (context.StateTokenPrincipal is not { } state || !context.Transaction.GetHttpRequest()!.HttpContext.Items.TryAdd(RedeemedKey, true))
        {
            return;
        }

        // Without a token database a state token has no id; its nonce is as unique (256 random bits).
        var id = state.GetClaim(Claims.Private.Nonce);
        var expires = state.GetExpirationDate() ?? DateTimeOffset.UtcNow.AddMinutes(15);
        if (id is null || !await grains.Get<IOAuthStateGrain>(id).RedeemAsync(expires))
        {
            context.Reject(error: OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidRequest, description: "This sign-in was used already: start again.");
        }
    }
}
