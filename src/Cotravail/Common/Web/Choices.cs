namespace Cotravail.Common.Web;

/// An option of a back office's drop-down list; each module lists its own (LocationChoices, CompanyChoices).
internal sealed record Choice(Guid Id, string Name);
