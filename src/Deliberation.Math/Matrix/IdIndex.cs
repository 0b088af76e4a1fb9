namespace Deliberation.Math.Matrix;

/// <summary>
/// Maps caller ids (sorted ascending) to dense 0-based indices. Dense id ranges — the common case, Polis ids are
/// 0-based counters — use a direct lookup table instead of a hash map: ten million lookups then cost a few ms.
/// </summary>
internal sealed class IdIndex
{
    private readonly long _min;
    private readonly int[]? _table;
    private readonly Dictionary<long, int>? _map;

    public IdIndex(long[] sortedIds)
    {
        Ids = sortedIds;
        if (sortedIds.Length == 0)
        {
            _table = [];
            return;
        }

        _min = sortedIds[0];
        long span = sortedIds[^1] - _min + 1;
        if (span <= 4L * sortedIds.Length + 1024)
        {
            _table = new int[span];
            Array.Fill(_table, -1);
            for (int i = 0; i < sortedIds.Length; i++)
            {
                _table[sortedIds[i] - _min] = i;
            }
        }
        else
        {
            _map = new Dictionary<long, int>(sortedIds.Length);
            for (int i = 0; i < sortedIds.Length; i++)
            {
                _map[sortedIds[i]] = i;
            }
        }
    }

    public long[] Ids { get; }

    public int Count => Ids.Length;

    /// <summary>Index of an id, or −1 when unknown.</summary>
    public int IndexOf(long id)
    {
        if (_table is not null)
        {
            long offset = id - _min;
            return (ulong)offset < (ulong)_table.Length ? _table[offset] : -1;
        }

        return _map!.TryGetValue(id, out int i) ? i : -1;
    }
}
