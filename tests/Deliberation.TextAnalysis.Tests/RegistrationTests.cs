using Microsoft.Extensions.DependencyInjection;

namespace Deliberation.TextAnalysis.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Registers_the_default_models_with_the_configured_options()
    {
        var services = new ServiceCollection().AddDeliberationTextAnalysis(options => options.MaxTopics = 5);

        var options = (TextAnalysisOptions)Single<TextAnalysisOptions>(services).ImplementationInstance!;
        Assert.Equal(5, options.MaxTopics);
        Assert.IsType<Similarity.TfIdfStatementSimilarityFactory>(Single<IStatementSimilarityFactory>(services).ImplementationInstance);
        Assert.IsType<Topics.TfIdfTopicModel>(Single<ITopicModel>(services).ImplementationInstance);
    }

    [Fact]
    public void A_model_registered_first_is_kept()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ITopicModel, KeywordTopicModel>();

        services.AddDeliberationTextAnalysis();

        Assert.Equal(typeof(KeywordTopicModel), Single<ITopicModel>(services).ImplementationType);
    }

    [Fact]
    public void Invalid_options_are_refused_at_registration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ServiceCollection().AddDeliberationTextAnalysis(options => options.MinTopics = 9));
    }

    private static ServiceDescriptor Single<T>(IServiceCollection services) =>
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(T));

    private sealed class KeywordTopicModel : ITopicModel
    {
        public TopicSet FindTopics(IEnumerable<StatementText> statements, int? topicCount = null) => TopicSet.Empty;
    }
}
