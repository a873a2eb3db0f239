using Cotravail.Common.Database;
using NetArchTest.Rules;

namespace Cotravail.Tests.Architecture;

/// Arrows point one way: Modules/* → Common, never back (STYLE.md "Direction"). When Common needs what a
/// module knows, the module registers into a hook Common declares (IMemberLinks, IOrganisationNames, CliCommand).
public sealed class DirectionTests
{
    [Fact]
    public void Common_depends_on_no_module()
    {
        var result = Types.InAssembly(typeof(AppDb).Assembly)
            .That().ResideInNamespace("Cotravail.Common")
            .ShouldNot().HaveDependencyOn("Cotravail.Modules")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty("Common names no module: a module registers into a hook of Common's instead");
    }

    [Fact]
    public void Members_depends_neither_on_joining_nor_on_me()
    {
        // Joining and Me use the member fields defined in Members (MemberFields), never the other way round.
        var result = Types.InAssembly(typeof(AppDb).Assembly)
            .That().ResideInNamespace("Cotravail.Modules.Members")
            .ShouldNot().HaveDependencyOnAny("Cotravail.Modules.Joining", "Cotravail.Modules.Me")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        var back = Types.InAssembly(typeof(AppDb).Assembly)
            .That().ResideInNamespace("Cotravail.Modules.Me")
            .ShouldNot().HaveDependencyOn("Cotravail.Modules.Members")
            .GetResult();
        (back.FailingTypeNames ?? []).ShouldContain("Cotravail.Modules.Me.ProfileInput", "a rule that finds nothing proves nothing");
    }

    [Fact]
    public void The_same_check_finds_the_arrows_from_modules_to_common()
    {
        var result = Types.InAssembly(typeof(AppDb).Assembly)
            .That().ResideInNamespace("Cotravail.Modules")
            .ShouldNot().HaveDependencyOn("Cotravail.Common")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldContain("Cotravail.Modules.Bookings.BookResource", "a rule that finds nothing proves nothing");
    }
}
