using Cotravail.Common.Database;

namespace Cotravail.Tests.Architecture;

/// Modules depend one way (docs/architecture.md, "Modules and their arrows"). An arrow not listed here fails the
/// build's tests: add it on purpose, in review, or turn the reference into a hook the lower module declares and
/// the upper one registers (ITimeZoneChange, IBookingsInTheWay, IResourceKindGuard, ICompanyPeople, IMemberEraser,
/// IErasureStep).
public sealed class ModuleArrowsTests
{
    /// Each module and the modules it may name, lowest first: a module names only modules above it in this list.
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Network"] = [],
        ["Account"] = [],
        ["Locations"] = [],
        ["Companies"] = [],
        ["Members"] = ["Companies", "Locations"],
        ["Privacy"] = ["Members", "Network"],
        ["Resources"] = ["Locations"],
        ["Assignments"] = ["Companies", "Locations", "Members", "Privacy", "Resources"],
        ["Bookings"] = ["Assignments", "Locations", "Members", "Network", "Privacy", "Resources"],
        ["Offers"] = ["Locations", "Members", "Privacy", "Resources"],
        ["Subscriptions"] = ["Bookings", "Companies", "Locations", "Members", "Offers", "Privacy", "Resources"],
        ["Joining"] = ["Account", "Companies", "Locations", "Members", "Privacy"],
        ["Staff"] = ["Locations", "Members"],
        ["Billing"] = ["Assignments", "Bookings", "Companies", "Locations", "Members", "Network", "Offers", "Privacy", "Resources", "Subscriptions"],
        ["Community"] = ["Bookings", "Companies", "Locations", "Members", "Privacy", "Resources"],
        ["Me"] = ["Bookings", "Companies", "Joining", "Locations", "Members"],
        ["Home"] = ["Locations", "Network", "Offers", "Resources"],
        ["Admin"] = ["Bookings", "Community", "Companies", "Locations", "Members", "Network", "Resources"],
        ["Demo"] = ["Billing", "Bookings", "Community", "Companies", "Locations", "Members", "Network", "Offers", "Privacy", "Resources", "Subscriptions"],
        ["Shared"] = ["Network"],
    };

    static readonly Lazy<ModuleGraph> Graph = new(() => ModuleGraph.Read(typeof(AppDb).Assembly.Location));

    [Fact]
    public void Every_module_is_in_the_list()
    {
        Graph.Value.Modules.Except(Allowed.Keys).ShouldBeEmpty("a new module states the modules it may name");
    }

    [Fact]
    public void Modules_name_only_the_modules_they_are_allowed_to()
    {
        var forbidden = Forbidden(Graph.Value, Allowed);

        forbidden.ShouldBeEmpty();
    }

    [Fact]
    public void Modules_form_no_cycle()
    {
        Graph.Value.Cycles().Select(c => string.Join(" ↔ ", c)).ShouldBeEmpty();
    }

    [Fact]
    public void The_allowed_list_itself_has_no_cycle_and_every_allowed_arrow_points_lower()
    {
        var order = Allowed.Keys.ToList();
        foreach (var (module, may) in Allowed)
        {
            may.ShouldAllBe(m => order.IndexOf(m) >= 0 && order.IndexOf(m) < order.IndexOf(module), $"{module} may name only modules listed before it");
        }
    }

    /// The test of the test: the graph read from the IL does find arrows, and a list that forbids one reports it.
    [Fact]
    public void A_forbidden_arrow_is_reported_with_the_types_that_draw_it()
    {
        var graph = Graph.Value;
        graph.Arrows.Keys.ShouldContain(("Bookings", "Resources"), "Bookings names Resources: the graph must see it");
        graph.Arrows.Keys.ShouldContain(("Privacy", "Members"), "hooks registered by Privacy name Members");

        var stricter = Allowed.ToDictionary(a => a.Key, a => a.Key == "Bookings" ? a.Value.Where(m => m != "Resources").ToArray() : a.Value);
        var forbidden = Forbidden(graph, stricter);

        forbidden.ShouldHaveSingleItem().ShouldStartWith("Bookings → Resources: ");
        forbidden[0].ShouldContain("Cotravail.Modules.Bookings.Booking");
    }

    [Fact]
    public void A_cycle_is_found()
    {
        // What Bookings → Locations → Bookings looked like before Locations declared ITimeZoneChange.
        var graph = Graph.Value.With(("Locations", "Bookings"));

        graph.Cycles().ShouldContain(c => c.Contains("Locations") && c.Contains("Bookings"));
    }

    static List<string> Forbidden(ModuleGraph graph, IReadOnlyDictionary<string, string[]> allowed) =>
        [.. graph.Arrows
            .Where(a => !allowed.TryGetValue(a.Key.From, out var may) || !may.Contains(a.Key.To))
            .OrderBy(a => a.Key)
            .Select(a => $"{a.Key.From} → {a.Key.To}: {string.Join(", ", a.Value.Order(StringComparer.Ordinal))}")];
}
