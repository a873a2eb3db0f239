namespace Cotravail.Modules.Offers;

/// Offer and reduced-rate messages, resource keys shown by the field they concern.
internal static class OfferMessages
{
    public const string NameRequired = "Give the offer a name, in French or in English.";
    public const string NegativePrice = "A price cannot be negative.";
    public const string TwoDecimals = "Prices have at most two decimals.";
    public const string UnknownVatRate = "This VAT rate is not one of the location's rates.";
    public const string UnknownNetworkVatRate = "This VAT rate is not one of the rates of the network's active locations.";
    public const string VatDecimals = "A VAT rate has at most three decimals.";
    public const string BundleNeedsPasses = "A bundle needs its number of passes.";
    public const string PassCountForBundles = "Only bundles have a number of passes.";
    public const string ValidityNeeded = "Give how many days the passes stay valid.";
    public const string ValidityForPasses = "Only passes and bundles have a validity in days.";
    public const string DaysPerWeekRange = "A plan gives 1 to 5 days a week, or every day (left empty).";
    public const string PlansOnly = "Only plans have days per week and a kind of space.";
    public const string SpaceNeeded = "Choose where the plan's holder works.";
    public const string AccessBoth = "Give both access times, or neither (the opening hours).";
    public const string AccessOrder = "The access must end after it starts.";
    public const string NotATime = "Give a time of day such as 09:00.";
    public const string NothingToOpen = "The membership fee and products open no space: no access hours, resources or credits.";
    public const string CoverSomething = "Choose at least one kind of resource the offer covers.";
    public const string UnknownOrRepeated = "An entry is unknown or repeated.";
    public const string LocationOpensItself = "An offer of a location is valid at that location only: leave the list of locations empty.";
    public const string UnknownLocation = "This location does not exist.";
    public const string NotYourLocation = "You do not manage this location: only its managers (or network admins, for network offers) manage its offers.";
    public const string CreditsForPlansAndBundles = "Only plans and bundles include credits.";
    public const string CreditAmount = "Each included credit is a positive amount, once per kind.";
    public const string ReducedAboveFull = "A reduced price is between zero and the full price.";
    public const string KindFixed = "The kind of an offer never changes: deactivate it and create another one.";
    public const string OwnerFixed = "An offer stays with its location or the network: deactivate it and create another one.";
    public const string NotADate = "Give a date such as 2026-12-01.";
    public const string ValidUntilRange = "A grant is valid from today until at most one year ahead.";
    public const string AlreadyRevoked = "This grant is already revoked.";
    public const string NotYourMember = "Choose a member of a location you manage.";
    public const string ProofRequired = "Say what was checked (a student card for 2026–2027, a France Travail certificate…).";
}
