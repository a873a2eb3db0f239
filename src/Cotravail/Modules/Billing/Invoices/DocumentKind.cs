namespace Cotravail.Modules.Billing;

/// BT-3: a commercial invoice (380) or a credit note (381).
internal enum DocumentKind
{
    Invoice,
    CreditNote,
}
