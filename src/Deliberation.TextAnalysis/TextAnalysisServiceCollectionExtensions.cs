using Deliberation.TextAnalysis;
using Deliberation.TextAnalysis.Similarity;
using Deliberation.TextAnalysis.Topics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the default text analysis for the web app and the command line.</summary>
public static class TextAnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TextAnalysisOptions"/>, an <see cref="IStatementSimilarityFactory"/> (build one index per
    /// conversation and keep it; add statements to it as they arrive) and an <see cref="ITopicModel"/>, all singletons.
    /// Registrations made before this call win, so a better model can be plugged in by registering it first.
    /// </summary>
    public static IServiceCollection AddDeliberationTextAnalysis(
        this IServiceCollection services, Action<TextAnalysisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new TextAnalysisOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton<IStatementSimilarityFactory>(new TfIdfStatementSimilarityFactory(options));
        services.TryAddSingleton<ITopicModel>(new TfIdfTopicModel(options));
        return services;
    }
}
