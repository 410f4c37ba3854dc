using System.Globalization;
using System.Text;
using LiveStreamX.Common;
using LiveStreamX.Wallets;

namespace LiveStreamX.Api.Apis;

/// <summary>A user's month, itemised from their two ledgers (earnings and spendable).</summary>
public static class Statements
{
    public static async Task<Statement> BuildAsync(IGrainFactory grains, string userId, DateTimeOffset start)
    {
        var end = start.AddMonths(1);
        var earnings = await MonthAsync((limit, before) => grains.Get<IEarningsGrain>(userId).GetLedgerAsync(limit, before), start, end);
        var spendable = await MonthAsync((limit, before) => grains.Get<IWalletGrain>(userId).GetLedgerAsync(limit, before), start, end);

        var lines = new List<StatementLine>();

        // A gift is two earnings entries (the creator's share, the platform's share) with one transfer id: one line.
        var shares = earnings.Where(e => e.Kind == LedgerKind.PlatformShare).GroupBy(e => e.Reference ?? string.Empty).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
        foreach (var e in earnings)
        {
            switch (e.Kind)
            {
                case LedgerKind.Earning:
                    var platform = shares.GetValueOrDefault(e.Reference ?? string.Empty);
                    lines.Add(new StatementLine(e.At, "gift", $"{e.Count} × {e.GiftCode} from {e.Counterparty}", e.Amount + platform, platform, e.Amount, e.Reference));
                    break;
                case LedgerKind.PayoutDebit:
                    lines.Add(new StatementLine(e.At, "payout", "payout requested", 0, 0, e.Amount, e.Reference));
                    break;
                case LedgerKind.PayoutReturn:
                    lines.Add(new StatementLine(e.At, "payout-returned", "payout rejected or failed: returned", 0, 0, e.Amount, e.Reference));
                    break;
            }
        }

        foreach (var e in spendable)
        {
            var line = e.Kind switch
            {
                LedgerKind.Purchase => new StatementLine(e.At, "purchase", $"token pack {e.GiftCode}", 0, 0, e.Amount, e.Reference),
                LedgerKind.PurchaseBonus => new StatementLine(e.At, "purchase-bonus", $"bonus of pack {e.GiftCode}", 0, 0, e.Amount, e.Reference),
                LedgerKind.PurchaseReversal => new StatementLine(e.At, "refund", "tokens taken back (refund or dispute)", 0, 0, e.Amount, e.Reference),
                LedgerKind.Grant => new StatementLine(e.At, "grant", e.Reference ?? "grant", 0, 0, e.Amount, null),
                LedgerKind.GiftDebit => new StatementLine(e.At, "gift-sent", $"{e.Count} × {e.GiftCode} to {e.Counterparty}", 0, 0, e.Amount, e.Reference),
                _ => null,
            };
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        lines.Sort((a, b) => a.At.CompareTo(b.At));
        var gifts = lines.Where(l => l.Kind == "gift").ToList();
        var totals = new StatementTotals(
            GiftsGross: gifts.Sum(l => l.Gross),
            PlatformShare: gifts.Sum(l => l.PlatformShare),
            Earned: gifts.Sum(l => l.Tokens),
            PaidOut: -lines.Where(l => l.Kind is "payout" or "payout-returned").Sum(l => l.Tokens),
            Purchased: lines.Where(l => l.Kind is "purchase" or "purchase-bonus").Sum(l => l.Tokens),
            TakenBack: -lines.Where(l => l.Kind == "refund").Sum(l => l.Tokens),
            Spent: -lines.Where(l => l.Kind == "gift-sent").Sum(l => l.Tokens));
        return new Statement(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), lines, totals);
    }

    public static string Csv(Statement statement)
    {
        var csv = new StringBuilder("date,kind,description,gross,platform_share,tokens,reference\n");
        foreach (var l in statement.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{l.At:yyyy-MM-ddTHH:mm:ssZ},{l.Kind},{Field(l.Description)},{l.Gross},{l.PlatformShare},{l.Tokens},{Field(l.Reference)}\n");
        }

        var t = statement.Totals;
        csv.Append(CultureInfo.InvariantCulture, $"total,gifts,,{t.GiftsGross},{t.PlatformShare},{t.Earned},\n");
        csv.Append(CultureInfo.InvariantCulture, $"total,payouts,,,,{t.PaidOut},\n");
        csv.Append(CultureInfo.InvariantCulture, $"total,purchases,,,,{t.Purchased},\n");
        return csv.ToString();
    }

    // Quoted, and a leading formula character defused, so a spreadsheet shows the text rather than running it.
    private static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var safe = text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task<List<LedgerEntry>> MonthAsync(Func<int, long?, Task<LedgerPage>> read, DateTimeOffset start, DateTimeOffset end)
    {
        var entries = new List<LedgerEntry>();
        long? before = null;
        while (true)
        {
            var page = await read(100, before);
            entries.AddRange(page.Entries.Where(e => e.At >= start && e.At < end));
            if (page.NextBefore is not { } next || page.Entries.Count == 0 || page.Entries[^1].At < start)
            {
                return entries;
            }

            before = next;
        }
    }
}

/// <summary>A month's statement.</summary>
public sealed record Statement(string Month, IReadOnlyList<StatementLine> Lines, StatementTotals Totals);

/// <summary>
/// One line: <c>gift</c> (gross tokens, the platform's share, the creator's tokens), <c>payout</c>, <c>payout-returned</c>,
/// <c>purchase</c>, <c>purchase-bonus</c>, <c>refund</c>, <c>grant</c>, <c>gift-sent</c> (tokens only).
/// </summary>
public sealed record StatementLine(DateTimeOffset At, string Kind, string Description, long Gross, long PlatformShare, long Tokens, string? Reference);

/// <summary>The month's sums.</summary>
public sealed record StatementTotals(long GiftsGross, long PlatformShare, long Earned, long PaidOut, long Purchased, long TakenBack, long Spent);
