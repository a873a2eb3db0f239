using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Resources;
using static Cotravail.Modules.Offers.OfferKind;
using static Cotravail.Modules.Resources.ResourceKind;

namespace Cotravail.Modules.Demo;

/// The demo catalogue: per location the same range (passes, a 10-day bundle, part-time, full-time, dedicated desk,
/// private office and annual plans) at that location's prices, with student and job-seeker prices on passes and
/// open-space plans; network-wide the yearly membership fee and the setting up of a business address; a locker
/// key in Paris. Prices excluding VAT, in euro cents, in line with French coworking spaces in 2026 (a day pass
/// around 20–30 € in Lyon, more at La Défense, less in a village tiers-lieu).
internal sealed partial class DemoSeeder
{
    private sealed record RangeRow(
        string Location, long HalfDay, long Day, long Week, long Bundle, long PartTime, long FullTime, long Desk, long Office, long Annual,
        TimeOnly ResidentFrom, TimeOnly ResidentTo, ResourceKind DeskKind);

    private static readonly RangeRow[] Ranges =
    [
        new(DemoAccounts.ParisSlug, 1500, 2800, 11000, 24000, 19000, 34000, 42000, 145000, 360000, new(7, 0), new(22, 0), DedicatedDesk),
        new(DemoAccounts.LyonSlug, 1200, 2200, 9000, 19000, 15000, 26000, 32000, 95000, 276000, new(7, 30), new(21, 0), DedicatedDesk),
        // La Grange has no desk of its own: its "poste fixe" is a seat kept in the workshop.
        new(DemoAccounts.RuralSlug, 800, 1400, 5500, 12000, 9000, 16000, 19000, 38000, 168000, new(8, 0), new(20, 0), HotDeskZone),
    ];

    private const int Vat20 = 20_000;

    private static IEnumerable<Offer> NewOffers(Dictionary<string, Location> locations, DateTime now)
    {
        foreach (var r in Ranges)
        {
            var id = locations[r.Location].Id;
            (TimeOnly, TimeOnly) resident = (r.ResidentFrom, r.ResidentTo);
            yield return Demo(id, 10, HalfDayPass, "Demi-journée", "Half-day pass",
                "Un poste en open space le matin ou l'après-midi (jusqu'à 4 heures), café compris.",
                "A seat in the open space for a morning or an afternoon (up to 4 hours), coffee included.",
                r.HalfDay, now, reduced: true, covers: [HotDeskZone]);
            yield return Demo(id, 20, DayPass, "Pass journée", "Day pass",
                "Une journée en open space aux heures d'ouverture, wifi fibre, café et cabine téléphonique.",
                "A day in the open space during opening hours, fibre wifi, coffee and the phone booth.",
                r.Day, now, reduced: true, covers: [HotDeskZone, PhoneBooth]);
            yield return Demo(id, 30, WeekPass, "Pass semaine", "Week pass",
                "Sept jours consécutifs en open space, pour une mission ou un séjour de travail.",
                "Seven days in a row in the open space, for a short assignment or a working stay.",
                r.Week, now, reduced: true, covers: [HotDeskZone, PhoneBooth]);
            yield return Demo(id, 40, Bundle, "Carnet 10 journées", "10-day bundle",
                "Dix journées à utiliser quand vous voulez pendant six mois.",
                "Ten days to use whenever you like within six months.",
                r.Bundle, now, reduced: true, covers: [HotDeskZone, PhoneBooth], passes: 10, validity: 180);
            yield return Demo(id, 50, MonthlyPlan, "Temps partiel – 2 jours par semaine", "Part-time – 2 days a week",
                "Deux jours par semaine en open space, au choix chaque semaine.",
                "Two days a week in the open space, whichever days suit you.",
                r.PartTime, now, reduced: true, covers: [HotDeskZone, PhoneBooth], daysPerWeek: 2, space: PlanSpace.OpenSpace);
            yield return Demo(id, 60, MonthlyPlan, "Résident temps plein", "Full-time resident",
                "L'open space en illimité, avec 4 heures de salle de réunion et 100 pages d'impression par mois.",
                "Unlimited open space, with 4 meeting-room hours and 100 printed pages a month.",
                r.FullTime, now, reduced: true, covers: [HotDeskZone, PhoneBooth], space: PlanSpace.OpenSpace, access: resident,
                credits: [new(CreditKind.MeetingRoomHours, 4), new(CreditKind.PrintPages, 100)]);
            yield return Demo(id, 70, MonthlyPlan, "Poste attitré", "Dedicated desk",
                "Votre bureau, votre caisson fermant et votre écran, accessibles en horaires étendus.",
                "Your own desk, lockable drawers and screen, with extended hours.",
                r.Desk, now, reduced: false, covers: [r.DeskKind, PhoneBooth], space: PlanSpace.DedicatedDesk, access: resident,
                credits: [new(CreditKind.MeetingRoomHours, 4), new(CreditKind.PrintPages, 200)]);
            yield return Demo(id, 80, MonthlyPlan, "Bureau privatif", "Private office",
                "Un bureau fermé pour votre équipe, meublé, avec 8 heures de salle de réunion par mois.",
                "A furnished closed office for your team, with 8 meeting-room hours a month.",
                r.Office, now, reduced: false, covers: [PrivateOffice, PhoneBooth], space: PlanSpace.PrivateOffice, access: resident,
                credits: [new(CreditKind.MeetingRoomHours, 8), new(CreditKind.PrintPages, 300)]);
            yield return Demo(id, 90, AnnualPlan, "Résident annuel", "Annual resident",
                "Le temps plein pour un an, payé en une fois : deux mois offerts.",
                "Full-time for a year, paid at once: two months free.",
                r.Annual, now, reduced: true, covers: [HotDeskZone, PhoneBooth], space: PlanSpace.OpenSpace, access: resident,
                credits: [new(CreditKind.MeetingRoomHours, 4), new(CreditKind.PrintPages, 100)]);
        }
        yield return Demo(locations[DemoAccounts.ParisSlug].Id, 100, Product, "Clé de casier", "Locker key",
            "Une clé de casier personnel pour laisser vos affaires sur place (caution non comprise).",
            "A key to a personal locker to leave your things on site (deposit not included).",
            1500, now, reduced: false, covers: []);
        // A SCIC SAS is a company liable to VAT, and its fee buys something (member prices): 20 %. An association
        // whose fee buys nothing individual would sell it outside the scope of VAT, with a 0 % rate on its locations.
        yield return Demo(null, 0, MembershipFee, "Adhésion annuelle", "Yearly membership",
            "L'adhésion au réseau pour un an : tarifs membres dans tous les espaces, événements et annuaire des membres.",
            "Membership of the network for a year: member prices in every space, events and the members' directory.",
            2000, now, reduced: true, covers: [], reducedPrice: 1000);
        yield return Demo(null, 110, Product, "Domiciliation – mise en place", "Business address – setting up",
            "L'ouverture du dossier de domiciliation d'entreprise (contrat, vérification des pièces) ; l'abonnement mensuel est à part.",
            "Opening your business-address file (contract, checking the documents); the monthly subscription is separate.",
            6000, now, reduced: false, covers: []);
    }

    private static Offer Demo(
        Guid? location, int position, OfferKind kind, string nameFr, string nameEn, string descriptionFr, string descriptionEn, long price, DateTime now,
        bool reduced, ResourceKind[] covers, int? passes = null, int? validity = null, int? daysPerWeek = null, PlanSpace? space = null,
        (TimeOnly From, TimeOnly To)? access = null, IncludedCredit[]? credits = null, long? reducedPrice = null)
    {
        // students and job seekers pay about 30 % less, rounded to the euro
        var lower = reducedPrice ?? (long)Math.Round(price * 0.7m / 100m, MidpointRounding.AwayFromZero) * 100;
        ReducedPrice[] prices = reduced ? [new(MemberCategory.Student, lower), new(MemberCategory.JobSeeker, lower)] : [];
        var terms = new OfferTerms(
            kind, nameFr, nameEn, descriptionFr, descriptionEn, price, "EUR", Vat20, passes, validity ?? OfferRules.DefaultValidityDays(kind), daysPerWeek, space,
            access?.From, access?.To, [], covers, credits ?? [], prices, position);
        var created = Offer.Create(location, terms, now);
        return created.IsOk ? created.Value : throw new InvalidOperationException($"Demo offer {nameEn}: {created.Error.Message}");
    }

    /// A student of Paris whose card was checked at the front desk, until the end of the academic year.
    private static ReducedRateGrant StudentGrant(Member student, Guid grantedBy, DateTime now)
    {
        var today = DateOnly.FromDateTime(now);
        var until = new DateOnly(today.Month <= 8 ? today.Year : today.Year + 1, 8, 31);
        return new ReducedRateGrant(student.Id, MemberCategory.Student, "Carte étudiante 2026–2027 de l'université Paris Nanterre, vue à l'accueil", until, grantedBy, now);
    }
}
