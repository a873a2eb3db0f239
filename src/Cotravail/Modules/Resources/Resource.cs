using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources;

internal enum ResourceKind
{
    HotDeskZone,
    DedicatedDesk,
    PrivateOffice,
    MeetingRoom,
    VideoRoom,
    PhoneBooth,
    Equipment,
}

/// How a resource is paid for: at its rates, free of charge, or only by what members hold (plans and passes
/// that cover its kind, ADR 21); a booking of a plans-only resource by anyone else is refused.
internal enum ResourcePricing
{
    Rates,
    Free,
    PlansOnly,
}

[Flags]
internal enum Amenity
{
    None = 0,
    Screen = 1,
    Whiteboard = 2,
    VisioKit = 4,
    Projector = 8,
    Phone = 16,
    Printer = 32,
    NaturalLight = 64,
    AirConditioning = 128,
    Kitchenette = 256,
    Lockers = 512,
    StandingDesk = 1024,
    Soundproof = 2048,
}

[Flags]
internal enum Accessibility
{
    None = 0,
    StepFree = 1,
    Wheelchair = 2,
    HearingLoop = 4,
    AccessibleToilets = 8,
}

/// Prices in minor units of the location's currency; null means "not sold that way".
internal sealed record Rates(
    long? MemberHourly,
    long? MemberHalfDay,
    long? MemberDay,
    long? NonMemberHourly,
    long? NonMemberHalfDay,
    long? NonMemberDay)
{
    public static readonly Rates None = new(null, null, null, null, null, null);
}

/// Something bookable at a location: a desk zone with N seats, a room, a booth or a piece of equipment.
internal sealed class Resource
{
    private Resource()
    {
    }

    public Resource(Guid locationId, string name, ResourceKind kind, int capacity)
    {
        Id = Guid.CreateVersion7();
        LocationId = locationId;
        Name = name;
        Kind = kind;
        Capacity = capacity;
    }

    public Guid Id { get; private set; }

    public Guid LocationId { get; private set; }

    public string Name { get; set; } = "";

    public ResourceKind Kind { get; set; }

    /// People for rooms, seats for a hot-desk zone, 1 for equipment.
    public int Capacity { get; set; }

    public Amenity Amenities { get; set; }

    public Accessibility Accessibility { get; set; }

    public BilingualText Description { get; set; } = BilingualText.Empty;

    public Rates Rates { get; set; } = Rates.None;

    public ResourcePricing Pricing { get; set; } = ResourcePricing.Rates;

    public BookingPolicy Policy { get; set; } = BookingPolicy.Default;

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAt { get; set; }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void MoveTo(Guid locationId) => LocationId = locationId;

    /// Its own weekly periods, which narrow its location's (never widen them); none: its location's hours.
    public List<OpeningPeriod> OpeningHours { get; private set; } = [];

    public void SetOpeningHours(IEnumerable<OpeningPeriod> periods) => OpeningHours = OpeningWeek.Sorted(periods);

    /// When it may be booked: within its location's hours and its own.
    public IReadOnlyList<OpeningPeriod> HoursWithin(IReadOnlyList<OpeningPeriod> locationHours) => OpeningWeek.Narrow(locationHours, OpeningHours);
}
