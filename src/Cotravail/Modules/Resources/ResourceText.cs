namespace Cotravail.Modules.Resources;

/// English resource keys for the resources' enums shown to people (the resource files translate them).
internal static class ResourceText
{
    public static string Of(ResourceKind kind) => kind switch
    {
        ResourceKind.HotDeskZone => "Hot-desk zone",
        ResourceKind.DedicatedDesk => "Dedicated desk",
        ResourceKind.PrivateOffice => "Private office",
        ResourceKind.MeetingRoom => "Meeting room",
        ResourceKind.VideoRoom => "Video room",
        ResourceKind.PhoneBooth => "Phone booth",
        ResourceKind.Equipment => "Equipment",
        _ => kind.ToString(),
    };

    public static string Of(ResourcePricing pricing) => pricing switch
    {
        ResourcePricing.Free => "Free of charge",
        ResourcePricing.PlansOnly => "Only by plans and passes that cover it",
        _ => "At its prices below",
    };

    public static string Of(Amenity amenity) => amenity switch
    {
        Amenity.Screen => "Screen",
        Amenity.Whiteboard => "Whiteboard",
        Amenity.VisioKit => "Video-conference kit",
        Amenity.Projector => "Projector",
        Amenity.Phone => "Phone",
        Amenity.Printer => "Printer",
        Amenity.NaturalLight => "Natural light",
        Amenity.AirConditioning => "Air conditioning",
        Amenity.Kitchenette => "Kitchenette",
        Amenity.Lockers => "Lockers",
        Amenity.StandingDesk => "Standing desk",
        Amenity.Soundproof => "Soundproofed",
        _ => amenity.ToString(),
    };

    public static string Of(Accessibility accessibility) => accessibility switch
    {
        Accessibility.StepFree => "Step-free access",
        Accessibility.Wheelchair => "Wheelchair accessible",
        Accessibility.HearingLoop => "Hearing loop",
        Accessibility.AccessibleToilets => "Accessible toilets",
        _ => accessibility.ToString(),
    };
}
