using Cotravail.Common;
using Cotravail.Modules.Community.Moderation;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    /// Ask a neighbour at work (ADR 27): open questions, answers between demo profiles, one solved with thanks.
    private static IEnumerable<object> NewQuestions(IReadOnlyList<Member> members, DateTime now)
    {
        Member Named(string first, string last) => members.Single(m => m.FirstName == first && m.LastName == last);
        var lea = Named("Léa", "Fontaine");
        var hugo = Named("Hugo", "Lambert");
        var aurelie = Named("Aurélie", "Chevalier");
        var nicolas = Named("Nicolas", "Petit");
        var pauline = Named("Pauline", "Garnier");
        var romain = Named("Romain", "Brun");
        var kevin = Named("Kevin", "Da Silva");
        var fatoumata = Named("Fatoumata", "Diallo");

        var cgv = new CommunityQuestion(lea.Id, lea.HomeLocationId, QuestionScope.Network, "Qui peut relire mes CGV de prestation de design ?",
            "Je lance une offre d'**ateliers UX** pour les PME. Mes conditions générales datent de 2021 : quelqu'un pourrait-il y jeter un œil ?", now.AddDays(-6));
        var cgvAnswer = new CommunityAnswer(cgv.Id, aurelie.Id, "Avec plaisir : envoyez-les moi, je regarde surtout la **propriété intellectuelle** des livrables et les pénalités de retard.", now.AddDays(-6).AddHours(2));
        cgv.Solve(cgvAnswer.Id);
        yield return cgv;
        yield return new CommunityQuestionSkill(cgv.Id, "business-law");
        yield return new CommunityQuestionSkill(cgv.Id, "intellectual-property");
        yield return cgvAnswer;
        yield return new CommunityThanks(cgvAnswer.Id, lea.Id, now.AddDays(-5));

        var api = new CommunityQuestion(nicolas.Id, nicolas.HomeLocationId, QuestionScope.Location, "Un site vitrine avec prise de rendez-vous, quelle techno ?",
            "Un client industriel veut un petit site avec un agenda en ligne. WordPress, Symfony, un outil no-code ? Vos avis m'intéressent.", now.AddDays(-2));
        yield return api;
        yield return new CommunityQuestionSkill(api.Id, "web-development");
        yield return new CommunityQuestionSkill(api.Id, "no-code");
        yield return new CommunityAnswer(api.Id, hugo.Id, "Pour un agenda simple, un site statique et un outil de réservation intégré suffisent. Passez me voir au 2e étage, on en parle.", now.AddDays(-2).AddHours(1));
        // Moderation (ADR 30): an answer the Paris staff hid, its text kept for its author and the staff.
        var phone = new CommunityAnswer(api.Id, fatoumata.Id, "Appelez de ma part mon ancien client, M. Besson, au 06 71 42 18 93 : il a eu le même besoin.", now.AddDays(-2).AddHours(3));
        phone.Hide("Le numéro de téléphone d'un tiers est une donnée personnelle : proposez plutôt de faire le lien.", now.AddDays(-2).AddHours(5));
        yield return phone;

        var seo = new CommunityQuestion(romain.Id, romain.HomeLocationId, QuestionScope.Network, "Référencement d'un portfolio d'illustrateur",
            "Mon portfolio n'apparaît nulle part sur Google. Par où commencer ?", now.AddDays(-1));
        yield return seo;
        yield return new CommunityQuestionSkill(seo.Id, "seo");
        yield return new CommunityAnswer(seo.Id, pauline.Id, "Commencez par un titre et une description par page, et des textes alternatifs sur vos images.", now.AddHours(-20));

        // Asked and first answered this week (Monday 00:00 in Paris to now), whatever the day the demo is seeded, so the
        // operator's community page shows the week's connections (ADR 29): a new pair, Léa and Kevin.
        var security = new CommunityQuestion(lea.Id, lea.HomeLocationId, QuestionScope.Network, "Héberger les données de mes ateliers : quelles précautions ?",
            "Je collecte des retours d'utilisateurs pendant mes tests. Où les stocker pour rester conforme au RGPD ?", ThisWeek(now, TimeSpan.FromHours(3), 0.6));
        yield return security;
        yield return new CommunityQuestionSkill(security.Id, "gdpr");
        yield return new CommunityQuestionSkill(security.Id, "cybersecurity");
        yield return new CommunityAnswer(security.Id, kevin.Id, "Un hébergeur en France ou dans l'UE, des accès nominatifs et une durée de conservation écrite : je vous montre un modèle de registre.",
            ThisWeek(now, TimeSpan.FromHours(1), 0.3));

        // A question two members reported, waiting in the Paris manager's moderation queue.
        var promo = new CommunityQuestion(hugo.Id, hugo.HomeLocationId, QuestionScope.Location, "Devenez rentier en 30 jours : -50 % ce week-end",
            "Ma formation **Liberté financière** est à moitié prix jusqu'à dimanche. Qui veut le lien ?", now.AddHours(-5));
        yield return promo;
        yield return new CommunityQuestionSkill(promo.Id, "marketing-strategy");
        yield return new CommunityReport(nicolas.Id, PostKind.Question, promo.Id, hugo.Id, hugo.HomeLocationId, ReportReason.Spam, "", now.AddHours(-4));
        yield return new CommunityReport(aurelie.Id, PostKind.Question, promo.Id, hugo.Id, hugo.HomeLocationId, ReportReason.Spam,
            "De la publicité, pas une question.", now.AddHours(-2));
    }

    /// An instant of the current week in Paris: `ago` before now, or less when the week began more recently (a share of its time so far).
    private static DateTime ThisWeek(DateTime now, TimeSpan ago, double share)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, paris));
        var monday = TimeZoneInfo.ConvertTimeToUtc(Weeks.MondayOf(today).ToDateTime(TimeOnly.MinValue), paris);
        return now - TimeSpan.FromTicks(Math.Min(ago.Ticks, (long)((now - monday).Ticks * share)));
    }
}
