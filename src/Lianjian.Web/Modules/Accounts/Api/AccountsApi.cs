using Lianjian.Web.Modules.Accounts.Queries;
using Lianjian.Web.Modules.Accounts.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.Accounts.Api;

public sealed record ResetPasswordRequest(string? Password);

public static class AccountsApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/accounts").WithTags("账号").RequireAuthorization(Policies.Staff);

        api.MapGet("/", async (string? text, int? page, int? pageSize, AccountsQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(text, page, pageSize, ct)))
            .WithName("SearchAccounts").WithSummary("本人管辖范围内的账号");

        api.MapPost("/", async (AccountInput input, SaveAccount useCase, CancellationToken ct) =>
                (await useCase.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/accounts/{id}", new { id })))
            .WithName("CreateAccount").WithSummary("新建账号：角色不高于本人，所属组织须在本人管辖范围内");

        api.MapPut("/{id:guid}", async (Guid id, AccountInput input, SaveAccount useCase, CancellationToken ct) =>
                (await useCase.UpdateAsync(id, input, ct)).ToHttpResult())
            .WithName("UpdateAccount").WithSummary("修改账号的姓名、角色、所属组织、启用状态");

        api.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest request, SaveAccount useCase, CancellationToken ct) =>
                (await useCase.ResetPasswordAsync(id, request.Password, ct)).ToHttpResult())
            .WithName("ResetAccountPassword").WithSummary("重置密码并解除锁定");
    }
}
