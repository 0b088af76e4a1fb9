using System.Collections.Concurrent;
using System.Security.Cryptography;
using Deliberation.Api.Infrastructure.Caching;
using Deliberation.Domain.Statements;
using Deliberation.TextAnalysis;

namespace Deliberation.Api.Features.TextAnalysis;

/// <summary>Which statements an index holds.</summary>
public enum TextScope
{
    /// <summary>What participants see: the write flow's "vote on one of these instead?".</summary>
    Visible,

    /// <summary>Everything not rejected, waiting statements included: what moderators compare.</summary>
    NotRejected,
}

/// <summary>
/// One similarity index per conversation and scope, kept in memory and brought up to date from the conversation
/// snapshot on each use: new statements are added (<see cref="IStatementSimilarity.Add"/>, which refits itself once
/// enough have arrived), rejected or hidden ones removed — once per snapshot. Topics are cached per version of the
/// statement set (a hash of ids and texts), so they are computed again only after statements change. Least recently used conversations are
/// dropped beyond <see cref="MaxConversations"/>.
/// </summary>
public sealed class StatementTextIndexes(IStatementSimilarityFactory factory, ITopicModel topicModel, TimeProvider time)
{
    public const int MaxConversations = 200;

    private readonly ConcurrentDictionary<(long, TextScope), IndexEntry> indexes = new();
    private readonly ConcurrentDictionary<(long, TextScope), TopicEntry> topics = new();

    public IStatementSimilarity Index(ConversationSnapshot snapshot, TextScope scope)
    {
        var key = (snapshot.Conversation.Id, scope);
        if (indexes.TryGetValue(key, out var current) && ReferenceEquals(current.SyncedWith, snapshot))
        {
            // Already brought up to date from this very snapshot (they are shared and replaced when statements change):
            // the look-ups made while someone types skip the comparison of every statement.
            current.LastUsed = time.GetUtcNow();
            return current.Index;
        }

        var wanted = Statements(snapshot, scope);
        var entry = indexes.GetOrAdd(key, _ => new IndexEntry(factory.Create(wanted.Values.Select(s => new StatementText(s.Id, s.Text))), wanted.Keys));
        lock (entry)
        {
            entry.LastUsed = time.GetUtcNow();
            foreach (var (id, statement) in wanted)
            {
                if (entry.Ids.Add(id))
                {
                    entry.Index.Add(new StatementText(id, statement.Text));
                }
            }

            foreach (var gone in entry.Ids.Where(id => !wanted.ContainsKey(id)).ToList())
            {
                entry.Index.Remove(gone);
                entry.Ids.Remove(gone);
            }

            entry.SyncedWith = snapshot;
        }

        Prune(indexes);
        return entry.Index;
    }

    /// <summary>The topics of the scope's statements, computed again only when they changed.</summary>
    public TopicSet Topics(ConversationSnapshot snapshot, TextScope scope)
    {
        var key = (snapshot.Conversation.Id, scope);
        if (topics.TryGetValue(key, out var cached) && ReferenceEquals(cached.SyncedWith, snapshot))
        {
            cached.LastUsed = time.GetUtcNow();
            return cached.Topics;
        }

        var wanted = Statements(snapshot, scope);
        string version = Version(wanted.Values);
        if (cached is not null && cached.Version == version)
        {
            cached.SyncedWith = snapshot;
            cached.LastUsed = time.GetUtcNow();
            return cached.Topics;
        }

        var fresh = new TopicEntry(version, topicModel.FindTopics(wanted.Values.Select(s => new StatementText(s.Id, s.Text))))
        {
            LastUsed = time.GetUtcNow(),
            SyncedWith = snapshot,
        };
        topics[key] = fresh;
        Prune(topics);
        return fresh.Topics;
    }

    private static Dictionary<long, StatementSnapshot> Statements(ConversationSnapshot snapshot, TextScope scope) =>
        (scope == TextScope.Visible ? snapshot.Visible : snapshot.Statements.Where(s => s.Moderation != ModerationState.Rejected))
            .ToDictionary(s => s.Id);

    private static string Version(IEnumerable<StatementSnapshot> statements)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in statements.OrderBy(s => s.Id))
        {
            hash.AppendData(BitConverter.GetBytes(s.Id));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s.Text));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Prune<T>(ConcurrentDictionary<(long, TextScope), T> cache) where T : class, IUsed
    {
        if (cache.Count <= MaxConversations)
        {
            return;
        }

        foreach (var old in cache.OrderBy(kv => kv.Value.LastUsed).Take(cache.Count - MaxConversations).ToList())
        {
            cache.TryRemove(old.Key, out _);
        }
    }

    private interface IUsed
    {
        DateTimeOffset LastUsed { get; }
    }

    private sealed class IndexEntry(IStatementSimilarity index, IEnumerable<long> ids) : IUsed
    {
        public IStatementSimilarity Index { get; } = index;

        public HashSet<long> Ids { get; } = [.. ids];

        /// <summary>The snapshot the index was last brought up to date from.</summary>
        public ConversationSnapshot? SyncedWith { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }

    private sealed class TopicEntry(string version, TopicSet topics) : IUsed
    {
        public string Version { get; } = version;

        public TopicSet Topics { get; } = topics;

        /// <summary>The last snapshot seen to hold this version of the statements.</summary>
        public ConversationSnapshot? SyncedWith { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
