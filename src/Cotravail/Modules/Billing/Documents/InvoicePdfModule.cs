namespace Cotravail.Modules.Billing;

internal static class InvoicePdfModule
{
    /// A singleton: it holds no state, and its constructor sets PDFsharp's process-wide font resolver.
    public static IServiceCollection AddInvoicePdf(this IServiceCollection services) => services.AddSingleton<InvoicePdf>();
}
