using Lianjian.Web.Modules.Accounts.Api;
using Lianjian.Web.Modules.Accounts.UseCases;
using Lianjian.Web.Platform.Cli;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Lianjian.Web.Modules.Accounts;

/// <summary>账号: sign-in (cookie for pages, bearer tokens for API clients), roles and data scope.</summary>
public static class AccountsModule
{
    private const string SmartScheme = "Lianjian";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AccessCache>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, AccessCacheInvalidator>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddScoped<CreateFirstAdmin>();
        services.AddScoped<SaveAccount>();
        services.AddScoped<Queries.AccountsQuery>();
        services.AddSingleton<DemoSignIns>();
        services.AddScoped<IDemoDataSeeder, AccountsDemoData>();
        services.AddSingleton<ICliCommand, CreateAdminCommand>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // API clients send "Authorization: Bearer …"; browsers carry the Identity cookie.
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/login";
                c.AccessDeniedPath = "/login";
                c.ExpireTimeSpan = TimeSpan.FromHours(12);
                c.SlidingExpiration = true;
                c.Cookie.Name = "lianjian.auth";
                c.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                c.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            }));

        // After ASP.NET Core's own post-configuration has set the token reader (registered by AddBearerToken above).
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>, CacheBearerTickets>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddAuthorization(Policies.Configure);
        services.AddCascadingAuthenticationState();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsModule(this IEndpointRouteBuilder routes)
    {
        AuthEndpoints.Map(routes);
        AccountsApi.Map(routes);
        return routes;
    }

    // The API and phone pages answer 401/403 with ProblemDetails; pages redirect to the sign-in page.
    private static Task ApiOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        var target = ctx.Request.Path.StartsWithSegments("/m") ? ctx.RedirectUri.Replace("/login", "/m/login", StringComparison.Ordinal) : ctx.RedirectUri;
        if (status == StatusCodes.Status403Forbidden) target += (target.Contains('?') ? "&" : "?") + "error=auth.forbidden";
        ctx.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private sealed class CreateAdminCommand : ICliCommand
    {
        public string Name => "create-admin";

        public string Usage => "create-admin --user NAME --password PASSWORD   创建第一个系统管理员（生产环境没有默认密码）";

        public async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options)
        {
            if (!options.TryGetValue("user", out var user) || !options.TryGetValue("password", out var password))
            {
                Console.Error.WriteLine("用法: " + Usage);
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            var (ok, message) = await scope.ServiceProvider.GetRequiredService<CreateFirstAdmin>().ExecuteAsync(user, password);
            (ok ? Console.Out : Console.Error).WriteLine(message);
            return ok ? 0 : 1;
        }
    }
}
