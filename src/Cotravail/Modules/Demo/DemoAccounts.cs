namespace Cotravail.Modules.Demo;

/// The demo accounts listed in the README; all share one password. Never seeded in Production.
internal static class DemoAccounts
{
    public const string Password = "Cotravail-demo-2026";
    public const string NetworkAdmin = "admin@cotravail.example";
    public const string ParisManager = "manager.paris@cotravail.example";
    public const string LyonManager = "manager.lyon@cotravail.example";
    public const string ParisHost = "host.paris@cotravail.example";
    public const string Member = "member@cotravail.example";
    public const string CompanyAdmin = "company.admin@cotravail.example";

    public const string ParisSlug = "paris-la-defense";
    public const string LyonSlug = "lyon-part-dieu";
    public const string RuralSlug = "la-grange-dieulefit";
}
