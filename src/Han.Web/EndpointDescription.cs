using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Han.Web;

/// <summary>
/// What an endpoint answers, for the OpenAPI document. The handlers write their own JSON (no reflection,
/// so trimming keeps them working), so there is no type to infer a schema from; and a response type of
/// none makes ASP.NET Core leave the content type out. Each endpoint says its answers here, and
/// <see cref="AddAnswers"/> puts them into the document's operations.
/// </summary>
internal static class EndpointDescription
{
    public static TBuilder Answers<TBuilder>(this TBuilder builder, int status, string contentType)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Answer(status, contentType));

    public static OpenApiOptions AddAnswers(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var answer in context.Description.ActionDescriptor.EndpointMetadata.OfType<Answer>())
            {
                operation.Responses ??= [];
                var status = answer.Status.ToString(CultureInfo.InvariantCulture);
                if (!operation.Responses.TryGetValue(status, out var found) || found is not OpenApiResponse response)
                {
                    response = new OpenApiResponse { Description = answer.Status == 404 ? "No meter has that name." : "OK" };
                    operation.Responses[status] = response;
                }

                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[answer.ContentType] = new OpenApiMediaType();
            }

            return Task.CompletedTask;
        });

    private sealed record Answer(int Status, string ContentType);
}
