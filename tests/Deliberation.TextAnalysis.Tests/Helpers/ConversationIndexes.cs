using Deliberation.TextAnalysis.Similarity;

namespace Deliberation.TextAnalysis.Tests.Helpers;

/// <summary>Indexes of the real conversations, built once per test class that shares this fixture.</summary>
public sealed class ConversationIndexes
{
    private readonly Dictionary<string, IStatementSimilarity> _indexes = [];
    private readonly Lock _lock = new();

    public IStatementSimilarity For(string conversation)
    {
        lock (_lock)
        {
            if (!_indexes.TryGetValue(conversation, out var index))
                _indexes[conversation] = index = new TfIdfStatementSimilarity(PolisComments.Load(conversation));
            return index;
        }
    }
}
