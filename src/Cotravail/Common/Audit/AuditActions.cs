namespace Cotravail.Common.Audit;

/// The sensitive actions the audit log records (ASVS V16): names are stable, they are searched on.
internal static class AuditActions
{
    public const string SignInFailed = "sign-in.failed";
    public const string AccountLocked = "account.locked";
    public const string PasswordChanged = "password.changed";
    public const string PasswordReset = "password.reset";
    public const string TwoFactorEnabled = "2fa.enabled";
    public const string TwoFactorDisabled = "2fa.disabled";
    public const string SessionsRevoked = "sessions.revoked";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";
    public const string AccountActivated = "account.activated";
    public const string AccountDeactivated = "account.deactivated";
    public const string MemberApproved = "member.approved";
    public const string MemberDeclined = "member.declined";
    public const string MemberCompanyChanged = "member.company-changed";
    public const string PriceChanged = "price.changed";
    public const string BookingRulesChanged = "booking-rules.changed";
    public const string ReducedRateGranted = "reduced-rate.granted";
    public const string ReducedRateRevoked = "reduced-rate.revoked";
    public const string DataExported = "data.exported";
    public const string DataErased = "data.erased";
    public const string AssignmentCreated = "assignment.created";
    public const string AssignmentEnded = "assignment.ended";
    public const string LocationTimeZoneChanged = "location.time-zone-changed";
    public const string InvoiceDrafted = "invoice.drafted";
    public const string InvoiceDraftChanged = "invoice.draft-changed";
    public const string InvoiceDraftDeleted = "invoice.draft-deleted";
    public const string InvoiceIssued = "invoice.issued";
    public const string PaymentRecorded = "payment.recorded";
    public const string BillingTermsChanged = "billing.terms-changed";
    public const string ChargeAdded = "charge.added";
    public const string BillingRunStarted = "billing-run.started";
    public const string BillingRunIssueRequested = "billing-run.issue-requested";
    public const string SubscriptionStarted = "subscription.started";
    public const string SubscriptionCancelled = "subscription.cancelled";
    public const string SubscriptionPaused = "subscription.paused";
    public const string SubscriptionChanged = "subscription.changed";
    public const string CommunityPostHidden = "community.post-hidden";
    public const string CommunityPostUnhidden = "community.post-unhidden";
    public const string CommunityReportsDismissed = "community.reports-dismissed";
}
