namespace Cotravail.Tests.Common.Web;

/// The payloads of xss-payloads.txt (copied beside the test assembly).
internal static class XssCorpus
{
    public static IReadOnlyList<string> Payloads { get; } =
        [.. File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Common", "Web", "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var payload in Payloads)
        {
            data.Add(payload);
        }
        return data;
    }
}
