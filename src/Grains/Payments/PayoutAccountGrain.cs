using System.Text.RegularExpressions;
using LiveStreamX.Common;
using LiveStreamX.Grains.Hosting;
using LiveStreamX.Payments;
using LiveStreamX.Users;

namespace LiveStreamX.Grains.Payments;

/// <summary>A creator's payout settings (verified by an admin, their Stripe Connect account) and their payouts.</summary>
public sealed partial class PayoutAccountGrain(
    [PersistentState("payout-account", StorageNames.Default)] IPersistentState<PayoutAccountState> account) : Grain, IPayoutAccountGrain
{
    private const int Kept = 200;

    public Task<PayoutAccount> GetAsync() => Task.FromResult(View());

    public async Task<PayoutAccount> SetAsync(Actor admin, bool verified, string? stripeAccountId)
    {
        if (!admin.IsAdmin)
        {
            throw DomainException.Forbidden("Only admins verify creators.");
        }

        if (stripeAccountId is not null && !AccountPattern().IsMatch(stripeAccountId))
        {
            throw DomainException.InvalidInput("stripeAccountId", "A Stripe Connect account id: 'acct_' and 1–64 letters or digits.");
        }

        account.State = account.State with { Verified = verified, StripeAccountId = stripeAccountId };
        await account.WriteStateAsync();
        await PaymentAudit.AppendAsync(GrainFactory, admin, "payout-account", this.GetPrimaryKeyString(), stripeAccountId ?? "no connect account",
            verified ? "verified for payouts" : "not verified for payouts", creatorId: this.GetPrimaryKeyString());
        return View();
    }

    public async Task RecordAsync(string payoutId)
    {
        if (!account.State.Payouts.Contains(payoutId))
        {
            account.State = account.State with { Payouts = [payoutId, .. account.State.Payouts.Take(Kept - 1)] };
            await account.WriteStateAsync();
        }
    }

    private PayoutAccount View() => new(this.GetPrimaryKeyString(), account.State.Verified, account.State.StripeAccountId, account.State.Payouts);

    [GeneratedRegex("^acct_[A-Za-z0-9]{1,64}$")]
    private static partial Regex AccountPattern();
}
