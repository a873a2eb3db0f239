namespace Cotravail.Modules.Subscriptions;

/// What an allowance counts.
internal enum AllowanceUnit
{
    /// Days of a pass or a bundle, or a part-time plan's days of one week.
    Days,

    /// Meeting-room time, in minutes (an offer's credits are in hours).
    Minutes,

    PrintPages,
}

/// What a subscription gives for one period: a bundle's days over its validity, a part-time plan's days of one
/// week, a plan's meeting-room hours of one month. Used never exceeds Granted nor goes below zero: a CHECK of
/// the database, so that no two debits racing each other can overdraw it (ADR 21). One row per subscription,
/// unit and period start; a plan's rows are made when first needed.
internal sealed class Allowance
{
    private Allowance()
    {
    }

    public Allowance(Guid subscriptionId, AllowanceUnit unit, DateOnly periodStart, DateOnly periodEnd, int granted)
    {
        Id = Guid.CreateVersion7();
        SubscriptionId = subscriptionId;
        Unit = unit;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Granted = granted;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public AllowanceUnit Unit { get; private set; }

    /// Local dates, both inclusive: the allowance is usable on these days only.
    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public int Granted { get; private set; }

    public int Used { get; private set; }

    public int Left => Granted - Used;
}

/// What covered one booking: a plan that covers its kind of resource (no allowance), or what it took from an
/// allowance, given back when the booking is cancelled in time, declined or expires. A day of a pass covers
/// every booking of that day: the day's first booking takes it (Amount 1), the others hold it with Amount 0.
internal sealed class AllowanceUse
{
    private AllowanceUse()
    {
    }

    public AllowanceUse(Guid subscriptionId, Guid? allowanceId, Guid bookingId, DateOnly day, int amount, long coveredCents, DateTime now)
    {
        Id = Guid.CreateVersion7();
        SubscriptionId = subscriptionId;
        AllowanceId = allowanceId;
        CoveredCents = coveredCents;
        BookingId = bookingId;
        Day = day;
        Amount = amount;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SubscriptionId { get; private set; }

    /// Null when a plan covers the booking whole.
    public Guid? AllowanceId { get; private set; }

    public Guid BookingId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Amount { get; private set; }

    /// What the booking would have cost without it, excluding VAT.
    public long CoveredCents { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
