using Cotravail.Common.Database;
using Cotravail.Common.Localization;

namespace Cotravail.Modules.Privacy.Erasure;

/// One module's part of erasing a person (GDPR art. 17). Every module that keeps rows about a person
/// registers a step (AddScoped&lt;IErasureStep, …&gt;) naming the tables it takes care of — deleted,
/// anonymised, or kept on purpose with the legal reason (invoices: 10 years, see ADR 6). A test fails
/// when a table that refers to a person is named by no step. Steps run in one transaction.
internal interface IErasureStep
{
    IReadOnlyCollection<string> Tables { get; }

    Task EraseAsync(ErasureContext context, CancellationToken ct);
}

/// PersonalTexts: the person's email, names and phone as they were, for steps that scrub free text.
internal sealed record ErasureContext(AppDb Db, DataSubject Subject, DateTime Now, IReadOnlyList<string> PersonalTexts)
{
    public const string FormerMember = PersonName.Erased;
}
