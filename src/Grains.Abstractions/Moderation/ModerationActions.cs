namespace LiveStreamX.Moderation;

/// <summary>The audit log's action words for moderation.</summary>
public static class ModerationActions
{
    public const string ModeratorAdd = "moderator-add";
    public const string ModeratorRemove = "moderator-remove";
    public const string Ban = "user-ban";
    public const string Unban = "user-unban";
    public const string Timeout = "user-timeout";
    public const string TimeoutLift = "user-timeout-lift";
    public const string ChatDelete = "chat-delete";
    public const string TermsSet = "blocked-terms-set";
    public const string PlatformTermsSet = "platform-blocked-terms-set";
    public const string HeldApprove = "held-approve";
    public const string HeldReject = "held-reject";
    public const string Suspend = "account-suspend";
    public const string Unsuspend = "account-unsuspend";
    public const string ReportResolve = "report-resolve";
}
