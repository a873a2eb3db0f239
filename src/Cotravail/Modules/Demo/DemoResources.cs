using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using static Cotravail.Modules.Resources.ResourceKind;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private sealed record ResourceRow(
        string Location, string Name, ResourceKind Kind, int Capacity, Amenity Amenities, Accessibility Access,
        string Description, Rates Rates);

    private const Accessibility FullAccess =
        Accessibility.StepFree | Accessibility.Wheelchair | Accessibility.AccessibleToilets;

    private const Amenity MeetingKit = Amenity.Screen | Amenity.Whiteboard | Amenity.AirConditioning;

    /// Rates in euro cents: (member hour, half-day, day, then the same for non-members); null = not sold that way.
    private static readonly ResourceRow[] Resources =
    [
        new(DemoAccounts.ParisSlug, "Open space Seine", HotDeskZone, 40,
            Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Kitchenette | Amenity.Lockers | Amenity.StandingDesk | Amenity.Printer,
            FullAccess, "Plateau de 40 postes en accès libre, vue sur l'esplanade, casiers et cuisine partagée.",
            new(null, 1200, 2000, null, 1800, 3000)),
        new(DemoAccounts.ParisSlug, "Poste attitré Grande Arche 1", DedicatedDesk, 1,
            Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Lockers | Amenity.StandingDesk,
            FullAccess, "Bureau attitré avec caisson fermant, dans la zone calme près des baies vitrées.",
            new(null, null, 2800, null, null, 4000)),
        new(DemoAccounts.ParisSlug, "Bureau Courbevoie", PrivateOffice, 4,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight | Amenity.AirConditioning,
            FullAccess, "Bureau fermé pour quatre personnes, idéal pour une équipe projet en télétravail.",
            new(null, 7000, 12000, null, 9500, 16500)),
        new(DemoAccounts.ParisSlug, "Bureau Puteaux", PrivateOffice, 8,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Phone,
            FullAccess, "Grand bureau privatif de huit postes avec coin réunion.",
            new(null, 12000, 21000, null, 16000, 28000)),
        new(DemoAccounts.ParisSlug, "Salle Arche", MeetingRoom, 6,
            MeetingKit | Amenity.VisioKit, FullAccess, "Salle de réunion pour six personnes avec écran et kit de visioconférence.",
            new(2500, 9000, 16000, 3500, 12500, 22000)),
        new(DemoAccounts.ParisSlug, "Salle Coupole", MeetingRoom, 16,
            MeetingKit | Amenity.Projector | Amenity.VisioKit | Amenity.NaturalLight, FullAccess | Accessibility.HearingLoop,
            "Grande salle modulable pour seize personnes : comités de direction, formations, ateliers.",
            new(6000, 21000, 38000, 8000, 28000, 50000)),
        new(DemoAccounts.ParisSlug, "Studio Visio Défense", VideoRoom, 4,
            Amenity.Screen | Amenity.VisioKit | Amenity.Soundproof | Amenity.AirConditioning, FullAccess | Accessibility.HearingLoop,
            "Salle de téléprésence insonorisée, double écran, caméra grand angle et micros de plafond.",
            new(4000, 14000, 25000, 5500, 19000, 34000)),
        new(DemoAccounts.ParisSlug, "Cabine Alto", PhoneBooth, 1,
            Amenity.Soundproof | Amenity.Phone, Accessibility.StepFree, "Cabine acoustique pour les appels et les visios en solo.",
            new(300, null, null, 600, null, null)),
        new(DemoAccounts.ParisSlug, "Kit visio mobile", Equipment, 1,
            Amenity.VisioKit, Accessibility.None, "Barre de visioconférence, caméra et micro à emporter dans n'importe quelle salle.",
            new(800, null, 3500, 1200, null, 5000)),

        new(DemoAccounts.LyonSlug, "Plateau Rhône", HotDeskZone, 30,
            Amenity.NaturalLight | Amenity.Kitchenette | Amenity.Lockers | Amenity.Printer,
            FullAccess, "Trente postes en accès libre au troisième étage, face aux tours de la Part-Dieu.",
            new(null, 1000, 1600, null, 1500, 2500)),
        new(DemoAccounts.LyonSlug, "Poste attitré Servient 1", DedicatedDesk, 1,
            Amenity.NaturalLight | Amenity.Lockers | Amenity.StandingDesk,
            FullAccess, "Bureau attitré avec écran et rangement fermant.",
            new(null, null, 2400, null, null, 3400)),
        new(DemoAccounts.LyonSlug, "Bureau Saône", PrivateOffice, 3,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight,
            FullAccess, "Bureau fermé pour trois personnes, parfait pour une jeune équipe.",
            new(null, 5000, 8500, null, 7000, 12000)),
        new(DemoAccounts.LyonSlug, "Salle Fourvière", MeetingRoom, 10,
            MeetingKit | Amenity.Projector | Amenity.VisioKit, FullAccess,
            "Salle de réunion de dix places avec vidéoprojecteur et visioconférence.",
            new(4000, 14000, 25000, 5500, 19000, 34000)),
        new(DemoAccounts.LyonSlug, "Salle Croix-Rousse", MeetingRoom, 6,
            MeetingKit, FullAccess, "Petite salle lumineuse pour six personnes, écran et tableau blanc.",
            new(2200, 8000, 14000, 3000, 11000, 19500)),
        new(DemoAccounts.LyonSlug, "Cabine Part-Dieu", PhoneBooth, 1,
            Amenity.Soundproof, Accessibility.StepFree, "Cabine insonorisée pour passer un appel en toute discrétion.",
            new(300, null, null, 600, null, null)),
        new(DemoAccounts.LyonSlug, "Vidéoprojecteur", Equipment, 1,
            Amenity.Projector, Accessibility.None, "Vidéoprojecteur portable full HD avec câbles HDMI et USB-C.",
            new(500, null, 2500, 800, null, 4000)),

        new(DemoAccounts.RuralSlug, "Grand atelier", HotDeskZone, 12,
            Amenity.NaturalLight | Amenity.Kitchenette | Amenity.Printer,
            Accessibility.StepFree | Accessibility.Wheelchair, "Douze postes sous la charpente de la grange, poêle à bois et cuisine partagée.",
            new(null, 600, 1000, null, 900, 1500)),
        new(DemoAccounts.RuralSlug, "Bureau du fenil", PrivateOffice, 2,
            Amenity.NaturalLight | Amenity.Whiteboard,
            Accessibility.None, "Bureau pour deux à l'étage de l'ancien fenil, accessible par un escalier.",
            new(null, 2000, 3500, null, 3000, 5000)),
        new(DemoAccounts.RuralSlug, "Salle du Lavoir", MeetingRoom, 8,
            Amenity.Screen | Amenity.Whiteboard | Amenity.VisioKit | Amenity.NaturalLight,
            Accessibility.StepFree | Accessibility.Wheelchair, "Salle de réunion de plain-pied pour huit personnes, ouverte sur le jardin.",
            new(1500, 5000, 9000, 2000, 7000, 12500)),
        new(DemoAccounts.RuralSlug, "Imprimante pro A3", Equipment, 1,
            Amenity.Printer, Accessibility.None, "Imprimante laser couleur A3 pour affiches, plans et tirages de qualité.",
            new(300, null, 1500, 500, null, 2500)),
    ];

    /// Resources with their own hours within their location's: the mobile kit is lent on weekdays from 09:00 to 18:00.
    private static OpeningPeriod[] OwnHoursOf(string name) => name == "Kit visio mobile" ? Hours(new(9, 0), new(18, 0), Weekdays) : [];

    private static Resource NewResource(ResourceRow row, Guid locationId, DateTime now)
    {
        var resource = new Resource(locationId, row.Name, row.Kind, row.Capacity)
        {
            Amenities = row.Amenities,
            Accessibility = row.Access,
            Description = row.Description,
            Rates = row.Rates,
            CreatedAt = now,
        };
        resource.SetOpeningHours(OwnHoursOf(row.Name));
        return resource;
    }
}
