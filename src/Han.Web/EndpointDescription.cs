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

    /// <summary>A query parameter the handler reads itself (so that its errors say what is valid), for the document.</summary>
    public static TBuilder Takes<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryParameter(name, description));

    public static OpenApiOptions AddAnswers(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var answer in context.Description.ActionDescriptor.EndpointMetadata.OfType<Answer>())
            {
                operation.Responses ??= [];
                var status = answer.Status.ToString(CultureInfo.InvariantCulture);
                if (!operation.Responses.TryGetValue(status, out var found) || found is not OpenApiResponse response)
                {
                    response = new OpenApiResponse { Description = Describe(answer.Status) };
                    operation.Responses[status] = response;
                }

                response.Content ??= new Dictionary<string, OpenApiMediaType>();
                response.Content[answer.ContentType] = new OpenApiMediaType();
            }

            foreach (var parameter in context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>())
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = parameter.Name,
                    In = ParameterLocation.Query,
                    Description = parameter.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });

    private static string Describe(int status) => status switch
    {
        404 => "No meter has that name (for /cost also: no cost is configured; the error says what to add).",
        400 => "A query parameter is not valid: the error names it, its value and what is valid.",
        _ => "OK",
    };

    private sealed record Answer(int Status, string ContentType);

    private sealed record QueryParameter(string Name, string Description);
}
