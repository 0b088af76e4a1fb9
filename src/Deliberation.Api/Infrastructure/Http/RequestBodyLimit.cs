using Deliberation.Api.Configuration;
using Deliberation.Api.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Deliberation.Api.Infrastructure.Http;

/// <summary>
/// One request body limit for the whole API, lowered from Kestrel's 30 MB default; an endpoint may raise it with
/// <c>RequestSizeLimitAttribute</c> metadata (imports). Declared lengths are refused before reading; bodies without
/// one are cut off while reading, so the limit holds on every server, the test server included.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<LimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        long? limit = metadata is null ? options.Value.MaxRequestBodyBytes : metadata.MaxRequestBodySize;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new ApiProblemException(
                ProblemType.PayloadTooLarge, $"The request body is larger than the limit of {limit} bytes.", new Dictionary<string, object?> { ["limitBytes"] = limit });
        }

        if (context.Request.ContentLength is null && limit is not null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit.Value);
        }

        await next(context);
    }
}
