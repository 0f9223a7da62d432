using Lianjian.Web.Modules.People.Queries;
using Lianjian.Web.Modules.People.UseCases;
using Lianjian.Web.Platform.Identity;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.Api;

public static class PeopleApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/people").WithTags("人员").RequireAuthorization();

        api.MapGet("/", async ([AsParameters] PersonFilter filter, PeopleQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(filter, ct)))
            .WithName("SearchPeople").WithSummary("按姓名/手机号、类别、组织（含下级）、技能筛选人员（分页；手机号和身份证号按角色脱敏）");

        api.MapGet("/{id:guid}", async (Guid id, PeopleQuery query, CancellationToken ct) =>
                (await query.DetailsAsync(id, ct)).ToHttpResult())
            .WithName("GetPerson").WithSummary("人员详情，含驻村时段和双报到");

        var staff = api.MapGroup("").RequireAuthorization(Policies.Staff);

        staff.MapPost("/", async (PersonInput input, SavePerson useCase, CancellationToken ct) =>
                (await useCase.CreateAsync(input, ct)).ToHttpResult(id => TypedResults.Created($"/api/people/{id}", new { id })))
            .WithName("CreatePerson").WithSummary("新增人员");

        staff.MapPut("/{id:guid}", async (Guid id, PersonInput input, SavePerson useCase, CancellationToken ct) =>
                (await useCase.UpdateAsync(id, input, ct)).ToHttpResult())
            .WithName("UpdatePerson").WithSummary("修改人员");

        staff.MapPost("/{id:guid}/deactivate", async (Guid id, SavePerson useCase, CancellationToken ct) =>
                (await useCase.SetActiveAsync(id, false, ct)).ToHttpResult())
            .WithName("DeactivatePerson").WithSummary("停用人员（保留历史）");

        staff.MapPost("/{id:guid}/reactivate", async (Guid id, SavePerson useCase, CancellationToken ct) =>
                (await useCase.SetActiveAsync(id, true, ct)).ToHttpResult())
            .WithName("ReactivatePerson").WithSummary("重新启用人员");

        staff.MapPost("/{id:guid}/stationed-periods", async (Guid id, StationedPeriodInput input, AddStationedPeriod useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult(periodId => TypedResults.Created($"/api/people/{id}", new { id = periodId })))
            .WithName("AddStationedPeriod").WithSummary("登记驻村时段（驻村或联络；地点须为本人管辖范围内的村；同一人的时段不能重叠）");

        staff.MapDelete("/{id:guid}/stationed-periods/{periodId:guid}", async (Guid id, Guid periodId, RemoveStationedPeriod useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, periodId, ct)).ToHttpResult())
            .WithName("RemoveStationedPeriod").WithSummary("删除驻村时段");

        staff.MapPost("/{id:guid}/community-registrations", async (Guid id, CommunityRegistrationInput input, AddCommunityRegistration useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, input, ct)).ToHttpResult(registrationId => TypedResults.Created($"/api/people/{id}", new { id = registrationId })))
            .WithName("AddCommunityRegistration").WithSummary("双报到：在职党员到社区（或村）报到并认领岗位，每个社区一次");

        staff.MapDelete("/{id:guid}/community-registrations/{registrationId:guid}", async (Guid id, Guid registrationId, RemoveCommunityRegistration useCase, CancellationToken ct) =>
                (await useCase.ExecuteAsync(id, registrationId, ct)).ToHttpResult())
            .WithName("RemoveCommunityRegistration").WithSummary("取消双报到记录");
    }
}
