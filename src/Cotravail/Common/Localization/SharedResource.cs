namespace Cotravail.Common.Localization;

/// Marker for the shared resource files SharedResource.resx (English) and SharedResource.fr.resx.
/// Keys are the English text; a test checks both files hold every key the code uses.
internal sealed class SharedResource;
