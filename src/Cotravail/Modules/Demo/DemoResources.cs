using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using static Cotravail.Modules.Resources.ResourceKind;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private sealed record ResourceRow(
        string Location, string Name, ResourceKind Kind, int Capacity, Amenity Amenities, Accessibility Access,
        BilingualText Description, Rates Rates);

    private const Accessibility FullAccess =
        Accessibility.StepFree | Accessibility.Wheelchair | Accessibility.AccessibleToilets;

    private const Amenity MeetingKit = Amenity.Screen | Amenity.Whiteboard | Amenity.AirConditioning;

    /// Rates in euro cents: (member hour, half-day, day, then the same for non-members); null = not sold that way.
    private static readonly ResourceRow[] Resources =
    [
        new(DemoAccounts.ParisSlug, "Open space Seine", HotDeskZone, 40,
            Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Kitchenette | Amenity.Lockers | Amenity.StandingDesk | Amenity.Printer,
            FullAccess, Both("Plateau de 40 postes en accès libre, vue sur l'esplanade, casiers et cuisine partagée.",
            "A 40-seat hot-desking floor overlooking the esplanade, with lockers and a shared kitchen."),
            new(null, 1200, 2000, null, 1800, 3000)),
        new(DemoAccounts.ParisSlug, "Poste attitré Grande Arche 1", DedicatedDesk, 1,
            Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Lockers | Amenity.StandingDesk,
            FullAccess, Both("Bureau attitré avec caisson fermant, dans la zone calme près des baies vitrées.",
            "A dedicated desk with a lockable drawer unit, in the quiet area by the bay windows."),
            new(null, null, 2800, null, null, 4000)),
        new(DemoAccounts.ParisSlug, "Bureau Courbevoie", PrivateOffice, 4,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight | Amenity.AirConditioning,
            FullAccess, Both("Bureau fermé pour quatre personnes, idéal pour une équipe projet en télétravail.",
            "A closed office for four, ideal for a remote project team."),
            new(null, 7000, 12000, null, 9500, 16500)),
        new(DemoAccounts.ParisSlug, "Bureau Puteaux", PrivateOffice, 8,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight | Amenity.AirConditioning | Amenity.Phone,
            FullAccess, Both("Grand bureau privatif de huit postes avec coin réunion.",
            "A large private office for eight with a meeting corner."),
            new(null, 12000, 21000, null, 16000, 28000)),
        new(DemoAccounts.ParisSlug, "Salle Arche", MeetingRoom, 6,
            MeetingKit | Amenity.VisioKit, FullAccess, Both("Salle de réunion pour six personnes avec écran et kit de visioconférence.",
            "A meeting room for six with a screen and a video-conferencing kit."),
            new(2500, 9000, 16000, 3500, 12500, 22000)),
        new(DemoAccounts.ParisSlug, "Salle Coupole", MeetingRoom, 16,
            MeetingKit | Amenity.Projector | Amenity.VisioKit | Amenity.NaturalLight, FullAccess | Accessibility.HearingLoop,
            Both("Grande salle modulable pour seize personnes : comités de direction, formations, ateliers.",
            "A large flexible room for sixteen: board meetings, trainings, workshops."),
            new(6000, 21000, 38000, 8000, 28000, 50000)),
        new(DemoAccounts.ParisSlug, "Studio Visio Défense", VideoRoom, 4,
            Amenity.Screen | Amenity.VisioKit | Amenity.Soundproof | Amenity.AirConditioning, FullAccess | Accessibility.HearingLoop,
            Both("Salle de téléprésence insonorisée, double écran, caméra grand angle et micros de plafond.",
            "A soundproof telepresence room with two screens, a wide-angle camera and ceiling microphones."),
            new(4000, 14000, 25000, 5500, 19000, 34000)),
        new(DemoAccounts.ParisSlug, "Cabine Alto", PhoneBooth, 1,
            Amenity.Soundproof | Amenity.Phone, Accessibility.StepFree, Both("Cabine acoustique pour les appels et les visios en solo.",
            "An acoustic booth for calls and solo video meetings."),
            new(300, null, null, 600, null, null)),
        new(DemoAccounts.ParisSlug, "Kit visio mobile", Equipment, 1,
            Amenity.VisioKit, Accessibility.None, Both("Barre de visioconférence, caméra et micro à emporter dans n'importe quelle salle.",
            "A video-conferencing bar, camera and microphone to take into any room."),
            new(800, null, 3500, 1200, null, 5000)),

        new(DemoAccounts.LyonSlug, "Plateau Rhône", HotDeskZone, 30,
            Amenity.NaturalLight | Amenity.Kitchenette | Amenity.Lockers | Amenity.Printer,
            FullAccess, Both("Trente postes en accès libre au troisième étage, face aux tours de la Part-Dieu.",
            "Thirty hot desks on the third floor, facing the Part-Dieu towers."),
            new(null, 1000, 1600, null, 1500, 2500)),
        new(DemoAccounts.LyonSlug, "Poste attitré Servient 1", DedicatedDesk, 1,
            Amenity.NaturalLight | Amenity.Lockers | Amenity.StandingDesk,
            FullAccess, Both("Bureau attitré avec écran et rangement fermant.",
            "A dedicated desk with a monitor and lockable storage."),
            new(null, null, 2400, null, null, 3400)),
        new(DemoAccounts.LyonSlug, "Bureau Saône", PrivateOffice, 3,
            Amenity.Screen | Amenity.Whiteboard | Amenity.NaturalLight,
            FullAccess, Both("Bureau fermé pour trois personnes, parfait pour une jeune équipe.",
            "A closed office for three, perfect for a young team."),
            new(null, 5000, 8500, null, 7000, 12000)),
        new(DemoAccounts.LyonSlug, "Salle Fourvière", MeetingRoom, 10,
            MeetingKit | Amenity.Projector | Amenity.VisioKit, FullAccess,
            Both("Salle de réunion de dix places avec vidéoprojecteur et visioconférence.",
            "A ten-seat meeting room with a projector and video conferencing."),
            new(4000, 14000, 25000, 5500, 19000, 34000)),
        new(DemoAccounts.LyonSlug, "Salle Croix-Rousse", MeetingRoom, 6,
            MeetingKit, FullAccess, Both("Petite salle lumineuse pour six personnes, écran et tableau blanc.",
            "A small bright room for six, with a screen and a whiteboard."),
            new(2200, 8000, 14000, 3000, 11000, 19500)),
        new(DemoAccounts.LyonSlug, "Cabine Part-Dieu", PhoneBooth, 1,
            Amenity.Soundproof, Accessibility.StepFree, Both("Cabine insonorisée pour passer un appel en toute discrétion.",
            "A soundproof booth for private calls."),
            new(300, null, null, 600, null, null)),
        new(DemoAccounts.LyonSlug, "Vidéoprojecteur", Equipment, 1,
            Amenity.Projector, Accessibility.None, Both("Vidéoprojecteur portable full HD avec câbles HDMI et USB-C.",
            "A portable full-HD projector with HDMI and USB-C cables."),
            new(500, null, 2500, 800, null, 4000)),

        new(DemoAccounts.RuralSlug, "Grand atelier", HotDeskZone, 12,
            Amenity.NaturalLight | Amenity.Kitchenette | Amenity.Printer,
            Accessibility.StepFree | Accessibility.Wheelchair, FrenchOnly("Douze postes sous la charpente de la grange, poêle à bois et cuisine partagée."),
            new(null, 600, 1000, null, 900, 1500)),
        new(DemoAccounts.RuralSlug, "Bureau du fenil", PrivateOffice, 2,
            Amenity.NaturalLight | Amenity.Whiteboard,
            Accessibility.None, FrenchOnly("Bureau pour deux à l'étage de l'ancien fenil, accessible par un escalier."),
            new(null, 2000, 3500, null, 3000, 5000)),
        new(DemoAccounts.RuralSlug, "Salle du Lavoir", MeetingRoom, 8,
            Amenity.Screen | Amenity.Whiteboard | Amenity.VisioKit | Amenity.NaturalLight,
            Accessibility.StepFree | Accessibility.Wheelchair, FrenchOnly("Salle de réunion de plain-pied pour huit personnes, ouverte sur le jardin."),
            new(1500, 5000, 9000, 2000, 7000, 12500)),
        new(DemoAccounts.RuralSlug, "Imprimante pro A3", Equipment, 1,
            Amenity.Printer, Accessibility.None, FrenchOnly("Imprimante laser couleur A3 pour affiches, plans et tirages de qualité."),
            new(300, null, 1500, 500, null, 2500)),
    ];

    private static BilingualText Both(string fr, string en) => new(fr, en);

    /// The rural association writes in French only: its pages show the fallback (lang="fr" in English).
    private static BilingualText FrenchOnly(string fr) => new(fr, null);

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
