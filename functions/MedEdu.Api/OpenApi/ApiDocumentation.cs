using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MedEdu.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document, generated from the routes' metadata and the C# contracts the handlers
/// (de)serialize: the security schemes of instructors and students, and each operation's security
/// from its <see cref="ApiAccess"/>. The build writes it to MedEdu.Pipeline, which embeds it, so
/// the Functions app and the local host serve the same bytes (<see cref="ApiDescription"/>).
/// </summary>
public static class ApiDocumentation
{
    /// <summary>Name of the instructors' security scheme.</summary>
    public const string InstructorScheme = "instructorKey";

    /// <summary>Name of the students' security scheme.</summary>
    public const string StudentScheme = "studentToken";

    /// <summary>Registers the document generator with the API's JSON conventions (camelCase, string enums, nulls left out).</summary>
    public static IServiceCollection AddMedEduOpenApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

            // Answers write numbers as numbers: describe them so (no "integer or string").
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        return services.AddOpenApi(ApiDescription.DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "MedEdu API",
                    Version = "1.0",
                    Description = "Public compound datasets turned into drug-discovery exercises for pharmacy students: datasets and their ingestion, "
                        + "similarity search, drawings, classes, exercises, discovery campaigns and results. Errors are RFC 7807 problems whose detail names the problem.",
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "this instance" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [InstructorScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = InstructorGuard.Header,
                        Description = "The instance's instructor key or an instructor account's key (on Azure, an Entra ID sign-in with the instructor app role works instead).",
                    },
                    [StudentScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The token answered by POST /api/classes/join, for that class only.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var access = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiAccess>().LastOrDefault();
                if (access != ApiAccess.Anyone)
                {
                    string scheme = access == ApiAccess.Instructor ? InstructorScheme : StudentScheme;
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
                }

                // Success first, then the problems, in status order.
                if (operation.Responses is { Count: > 1 } responses)
                {
                    var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
                    responses.Clear();
                    foreach (var (status, response) in sorted)
                    {
                        responses[status] = response;
                    }
                }

                return Task.CompletedTask;
            });

            // A null is never written (WhenWritingNull), so a property that may be null may also be absent: not required.
            options.AddDocumentTransformer((document, _, _) =>
            {
                foreach (var schema in document.Components?.Schemas?.Values ?? [])
                {
                    if (schema is OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties })
                    {
                        foreach (var (name, property) in properties)
                        {
                            if (AllowsNull(property))
                            {
                                required.Remove(name);
                            }
                        }
                    }
                }

                return Task.CompletedTask;
            });
        });
    }

    private static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)) || schema.OneOf?.Any(o => o.Type == JsonSchemaType.Null) == true;

    /// <summary>The document of the routes mapped on <paramref name="services"/>' app, as JSON.</summary>
    public static async Task<string> JsonAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDescription.DocumentName);
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        await document.SerializeAsync(new OpenApiJsonWriter(text), OpenApiSpecVersion.OpenApi3_1, cancellationToken);
        return text.ToString().ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// Writes the document of the API's routes to <paramref name="path"/> (when it changed) from an
    /// app that maps them and touches no storage: what the build runs.
    /// </summary>
    public static async Task<bool> WriteAsync(string path)
    {
        await using var app = ApiEndpoints.BuildOffline(services => services.AddMedEduOpenApi());

        // Starting hands the app's endpoints to routing, where the generator reads them; an ephemeral
        // loopback port, stopped at once.
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        string json = await JsonAsync(app.Services);
        await app.StopAsync();
        if (File.Exists(path) && await File.ReadAllTextAsync(path) == json)
        {
            return false;
        }

        await File.WriteAllTextAsync(path, json);
        return true;
    }
}
