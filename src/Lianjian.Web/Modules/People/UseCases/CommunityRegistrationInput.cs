using Lianjian.Web.Platform.Calendar;
using Lianjian.Web.Platform.Results;

namespace Lianjian.Web.Modules.People.UseCases;

/// <summary>双报到: the community an in-service member registers with, and the post taken there (设岗定责).</summary>
public sealed record CommunityRegistrationInput(Guid? CommunityId, DateOnly? RegisteredOn = null, string? Post = null)
{
    public const int PostMax = 50;

    public Validator Validate() => new Validator()
        .Must(CommunityId is not null, nameof(CommunityId), "请选择报到社区")
        .Must(RegisteredOn is not { } on || ChinaClock.IsPlausible(on), nameof(RegisteredOn), "报到日期不正确")
        .Text(nameof(Post), Post, PostMax, "认领岗位");
}
