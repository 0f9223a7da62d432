using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lianjian.Web.Modules.Accounts.Api;

public sealed record TokenRequest(string? UserName, string? Password);

public static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        // Form posts from the sign-in pages (/login for the back office, /m/login on the phone).
        routes.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<AppUser> signIn, HttpContext http) =>
        {
            var loginPage = returnUrl?.StartsWith("/m", StringComparison.Ordinal) == true ? "/m/login" : "/login";
            var safeReturn = IsLocal(returnUrl) ? returnUrl! : loginPage == "/m/login" ? "/m" : "/admin";
            var result = await SignInAsync(signIn, userName, password, isPersistent: true);
            if (result.IsSuccess) return Results.LocalRedirect(safeReturn);
            return Results.LocalRedirect($"{loginPage}?error={Uri.EscapeDataString(result.Error.Code)}&returnUrl={Uri.EscapeDataString(safeReturn)}&userName={Uri.EscapeDataString(userName ?? "")}");
        }).ExcludeFromDescription();

        routes.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(IsLocal(returnUrl) && returnUrl!.StartsWith("/m", StringComparison.Ordinal) ? "/m/login" : "/login");
        }).ExcludeFromDescription();

        routes.MapPost("/api/auth/token", async (TokenRequest request, SignInManager<AppUser> signIn) =>
        {
            signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
            var result = await SignInAsync(signIn, request.UserName, request.Password, isPersistent: false);
            // On success SignInManager has written the bearer token response (access_token, expires_in, refresh_token).
            return result.IsSuccess ? Results.Empty : result.Error.ToHttpResult();
        }).WithTags("账号").WithName("CreateAccessToken").AllowAnonymous()
          .WithSummary("用账号和密码换取访问令牌（Bearer），用于 API 客户端")
          .WithDescription("返回 {tokenType, accessToken, expiresIn, refreshToken}。之后在请求头中加入 Authorization: Bearer {accessToken}。");
    }

    public static string Message(string code) => code switch
    {
        "auth.invalid_credentials" => "账号或密码不正确。",
        "auth.locked_out" => "密码错误次数过多，账号已暂时锁定，请15分钟后再试。",
        "auth.disabled" => "账号已停用，请联系管理员。",
        "auth.missing" => "请输入账号和密码。",
        "auth.forbidden" => "当前账号无权访问该页面，请换一个账号登录。",
        _ => "登录失败，请重试。",
    };

    private static async Task<Result<bool>> SignInAsync(SignInManager<AppUser> signIn, string? userName, string? password, bool isPersistent)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 256 || password.Length > 256)
            return Error.Validation("auth.missing", Message("auth.missing"));
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is { IsActive: false }) return Error.Forbidden("auth.disabled", Message("auth.disabled"));
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent, lockoutOnFailure: true);
        if (result.Succeeded) return true;
        return result.IsLockedOut
            ? new Error(ErrorKind.Forbidden, "auth.locked_out", Message("auth.locked_out"))
            : new Error(ErrorKind.Validation, "auth.invalid_credentials", Message("auth.invalid_credentials"));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
