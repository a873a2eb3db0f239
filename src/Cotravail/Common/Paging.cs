using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common;

/// ?page=1&amp;pageSize=25, clamped to sane bounds rather than refused.
internal sealed record PageRequest
{
    public const int MaxPageSize = 100;

    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    [Range(1, MaxPageSize)]
    public int PageSize { get; init; } = 25;

    /// The rows before this page, counted in 64 bits: page 2,147,483,647 is far past any end, not an overflow
    /// back to page 1 (SQLite) or a negative OFFSET (PostgreSQL).
    public int Offset => (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize);

    public static PageRequest Of(int? page, int? pageSize) => new()
    {
        Page = Math.Max(1, page ?? 1),
        PageSize = Math.Clamp(pageSize ?? 25, 1, MaxPageSize),
    };
}

internal sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;
}

internal static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = request.Offset >= total ? [] : await query.Skip(request.Offset).Take(request.PageSize).ToListAsync(ct);
        return new Page<T>(items, request.Page, request.PageSize, total);
    }
}
