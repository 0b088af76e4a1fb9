using Deliberation.Api.Infrastructure.Problems;

namespace Deliberation.Api.Infrastructure.Http;

/// <summary>A page of results with what a client needs to ask for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Normalize(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            throw Require.Invalid("page", "Pages are numbered from 1.");
        }

        if (size is < 1 or > MaxPageSize)
        {
            throw Require.Invalid("pageSize", $"A page holds between 1 and {MaxPageSize} items.");
        }

        return (number, size);
    }
}
