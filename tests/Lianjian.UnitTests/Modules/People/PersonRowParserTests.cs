using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.Organizations.Exports;
using Lianjian.Web.Modules.People;
using Lianjian.Web.Modules.People.Exports;
using Lianjian.Web.Modules.People.UseCases;
using Lianjian.Web.Platform.Exports;

namespace Lianjian.UnitTests.Modules.People;

/// <summary>One 人员 row → the use case's input, or every reason it cannot be, each under its column.</summary>
public class PersonRowParserTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Organization _branch;
    private readonly Organization _grid;
    private readonly OrganizationLookup _lookup;

    public PersonRowParserTests()
    {
        var village = Organization.Create(Guid.NewGuid(), "长白岛三龙村", OrganizationKind.Village, null, Now).Value;
        _branch = Organization.Create(Guid.NewGuid(), "三龙村党支部", OrganizationKind.Branch, village, Now).Value;
        _grid = Organization.Create(Guid.NewGuid(), "三龙村第一网格", OrganizationKind.Grid, village, Now).Value;
        _lookup = OrganizationLookup.From([village, _branch, _grid]);
    }

    /// <summary>A row in the template's column order (姓名 … 备注).</summary>
    private static ExcelRow Row(params object?[] cells)
    {
        var values = new object?[PersonSheet.Layout.Columns.Count];
        Array.Copy(cells, values, cells.Length);
        return new ExcelRow(PersonSheet.Layout, 7, values);
    }

    private (PersonInput Input, Organization Organization, string? IdNumber)? Parse(ExcelRow row, out RowErrors errors)
    {
        errors = new RowErrors(row.Number);
        return ImportPeople.Check(row, errors, _lookup);
    }

    [Fact]
    public void AFullRow_BecomesTheUseCaseInput()
    {
        var parsed = Parse(Row("王海波", "党员", "三龙村党支部", 13857201234d, "33090219800501123x", "男", new DateTime(1980, 5, 1), "预备",
            "2005年7月1日", "是", "党小组长", "农技、维修", "致富能手", "备注"), out var errors);

        Assert.False(errors.Any);
        var (input, organization, idNumber) = parsed!.Value;
        Assert.Equal(_branch, organization);
        Assert.Equal("33090219800501123X", idNumber);
        Assert.Equal(("王海波", PersonKind.PartyMember, "13857201234", Gender.Male, new DateOnly(1980, 5, 1), MemberStatus.Probationary, new DateOnly(2005, 7, 1), true),
            (input.Name, input.Kind, input.Phone, input.Gender, input.BirthDate, input.MemberStatus, input.JoinedPartyOn, input.IsInService));
        Assert.Equal(["农技", "维修"], input.Skills);
        Assert.Equal(["致富能手"], input.Tags);
    }

    [Fact]
    public void EveryBadCell_IsReportedUnderItsColumn_WithAChineseReason()
    {
        var parsed = Parse(Row(null, "干部", "不存在的村", "1385720", 330902198005011234d, "未知", "1980-02-30", "团员", "明年", "也许"), out var errors);

        Assert.Null(parsed);
        var columns = errors.Items.Select(e => e.Column).ToList();
        Assert.Equal(["人员类别", "所属组织", "身份证号", "性别", "党员类别", "出生日期", "入党日期", "在职党员(是/否)", "手机号"], columns);
        Assert.All(errors.Items, e => Assert.Equal(7, e.Row));
        Assert.Contains("后几位已经丢失", errors.Items.Single(e => e.Column == "身份证号").Message);
        Assert.Contains("格式不正确", errors.Items.Single(e => e.Column == "手机号").Message);
    }

    [Fact]
    public void TheUseCaseRules_Apply_NotACopyOfThem()
    {
        Parse(Row("张三", "党员", "三龙村党支部"), out var member);
        Assert.Equal([new ImportRowError(7, "党员类别", "党员须选择党员类别（正式、预备、积极分子）")], member.Items);

        Parse(Row("李网格", "网格员", "三龙村党支部"), out var gridWorker);
        Assert.Equal([new ImportRowError(7, "所属组织", "网格员的所属组织必须是网格，所选组织是“党支部”。")], gridWorker.Items);
        Assert.NotNull(Parse(Row("李网格", "网格员", "三龙村第一网格"), out _));

        Parse(Row(null, "群众", "长白岛三龙村"), out var resident);
        Assert.Equal("手机号", Assert.Single(resident.Items).Column);
        Assert.NotNull(Parse(Row(null, "群众", "长白岛三龙村", "13857201234"), out _));

        Parse(Row("王五", null, null), out var blank);
        Assert.Equal([new ImportRowError(7, "人员类别", "请选择人员类别"), new ImportRowError(7, "所属组织", "请选择所属组织")], blank.Items);
    }

    [Fact]
    public void AMaskedExport_IsNotTakenForNumbers()
    {
        Parse(Row("赵六", "群众", "长白岛三龙村", "138****1234", "330***********1234"), out var errors);
        Assert.Equal(["手机号", "身份证号"], errors.Items.Select(e => e.Column).ToArray());
        Assert.All(errors.Items, e => Assert.Contains("脱敏", e.Message));
    }

    [Fact]
    public void TheTemplateExampleRow_IsRecognised()
    {
        Assert.True(PersonSheet.IsExample(Row(PersonSheet.Example("三龙村党支部"))));
        Assert.NotNull(Parse(Row(PersonSheet.Example("三龙村党支部")), out _));
        Assert.False(PersonSheet.IsExample(Row("王海波", "党员")));
    }
}
