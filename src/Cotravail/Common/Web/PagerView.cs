namespace Cotravail.Common.Web;

internal sealed record PagerView(int PageNumber, int PageCount, int TotalCount)
{
    public static PagerView Of<T>(Page<T> page) => new(page.PageNumber, page.PageCount, page.TotalCount);
}
