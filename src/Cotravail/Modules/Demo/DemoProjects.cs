using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    /// A call for partners answering a public tender, with a team of two from different trades (strategy and web),
    /// a lawyer who said she is interested, and an introduction (Léa pointed it to a copywriter), so a newcomer sees
    /// the board at work (ADR 28).
    private static IEnumerable<object> NewProjects(IReadOnlyList<Member> members, DateTime now)
    {
        Member Named(string first, string last) => members.Single(m => m.FirstName == first && m.LastName == last);
        var nicolas = Named("Nicolas", "Petit");
        var hugo = Named("Hugo", "Lambert");
        var aurelie = Named("Aurélie", "Chevalier");
        var lea = Named("Léa", "Fontaine");
        var pauline = Named("Pauline", "Garnier");
        var created = now.AddDays(-6);
        var project = new CommunityProject(nicolas.Id, nicolas.HomeLocationId, created)
        {
            Kind = ProjectKind.CallForPartners,
            Title = "Appel d'offres de la Métropole : refonte du portail des associations",
            Description = "La Métropole lance un **marché public** pour refaire le portail où les associations déclarent leurs événements.\n\n"
                + "Je monte une équipe pour y répondre ensemble :\n\n- un développeur web (c'est fait)\n- une designer UX\n- une juriste pour le mémoire et les pièces administratives\n- une plume pour le mémoire technique\n\n"
                + "Réponse à rendre dans trois semaines.",
            Scope = ProjectScope.Network,
            Status = ProjectStatus.Open,
            Deadline = DateOnly.FromDateTime(now).AddDays(21),
        };
        yield return project;
        foreach (var skill in new[] { "public-tenders", "web-development", "ux-ui-design", "business-law", "copywriting" })
        {
            yield return new ProjectSkill(project.Id, skill);
        }
        yield return new ProjectMember(project.Id, nicolas.Id, ProjectMemberState.Accepted, created);
        yield return new ProjectMember(project.Id, hugo.Id, ProjectMemberState.Accepted, created.AddDays(1));
        yield return new ProjectMember(project.Id, aurelie.Id, ProjectMemberState.Interested, created.AddDays(2))
        {
            Note = "J'ai déjà relu plusieurs dossiers de marchés publics : je peux m'occuper des pièces administratives.",
        };
        yield return new ProjectMember(project.Id, pauline.Id, ProjectMemberState.Introduced, created.AddDays(3));
        yield return new Introduction(project.Id, lea.Id, pauline.Id, created.AddDays(3));
    }
}
