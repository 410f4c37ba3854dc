using LiveStreamX.Grains.Hosting;
using LiveStreamX.Identity;

namespace LiveStreamX.Grains.Identity;

/// <summary>The cluster's OAuth state secret.</summary>
// Non-reentrant: the first two callers must not make two secrets.
public sealed class OAuthSecretGrain(
    [PersistentState("oauthSecret", StorageNames.Default)] IPersistentState<OAuthSecretState> secret) : Grain, IOAuthSecretGrain
{
    public async Task<byte[]> GetAsync()
    {
        if (secret.State.Key is not { Length: > 0 })
        {
            secret.State = new OAuthSecretState { Key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64) };
            await secret.WriteStateAsync();
        }

        return secret.State.Key;
    }
}
