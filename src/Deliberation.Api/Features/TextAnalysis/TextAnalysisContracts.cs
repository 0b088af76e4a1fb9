using Deliberation.Domain.Statements;

namespace Deliberation.Api.Features.TextAnalysis;

/// <summary>An existing statement resembling the draft; <c>score</c> is a cosine in [0, 1].</summary>
public sealed record SimilarStatementView(long StatementId, long Number, string Text, double Score);

public sealed record SimilarStatements(IReadOnlyList<SimilarStatementView> Items);

public sealed record NearDuplicateStatement(long StatementId, long Number, string Text, ModerationState Moderation);

/// <summary>Two statements whose texts are nearly the same (moderators may reject or merge one).</summary>
public sealed record NearDuplicateView(NearDuplicateStatement First, NearDuplicateStatement Second, double Score);

public sealed record NearDuplicates(double Threshold, IReadOnlyList<NearDuplicateView> Pairs);

public sealed record TopicStatementView(long StatementId, long Number, string Text);

/// <summary>A topic named by its most distinctive terms; statements closest to its centre first.</summary>
public sealed record TopicView(int Id, string Label, IReadOnlyList<string> Terms, IReadOnlyList<TopicStatementView> Statements);

public sealed record TopicsView(IReadOnlyList<TopicView> Topics, double Silhouette);
