using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Lianjian.Web.Platform;

/// <summary>
/// The browsable reference page (/api/reference) for the OpenAPI document (/api/openapi/v1.json), with the bearer
/// scheme declared so that "试一试" works after pasting a token from POST /api/auth/token.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";
    public const string DocumentPattern = "/api/openapi/{documentName}.json";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/auth/token 返回的 accessToken",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        }));

    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, o => o
            .WithTitle("联建 Lianjian API 参考")
            .WithOpenApiRoutePattern(DocumentPattern)
            .AddPreferredSecuritySchemes([BearerScheme])
            // Deployments sit on government intranets: everything the page needs is served by the app itself
            // (the script is embedded in the package); no CDN fonts, no telemetry, no AI chat.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .HideDeveloperTools()
            .WithLocalization(new ScalarLocalizationOptions { Locale = "zh" }))
        .ExcludeFromDescription();
}
