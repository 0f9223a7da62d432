using Lianjian.Web.Modules.Organizations;

namespace Lianjian.UnitTests.Modules.Organizations;

public class OrganizationTreeTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    private static Organization Make(string name, OrganizationKind kind, Organization? parent) =>
        Organization.Create(Guid.CreateVersion7(), name, kind, parent, Now).Value;

    [Fact]
    public void Create_UnderParent_PathHoldsAncestorsAndSelf()
    {
        var city = Make("舟山市", OrganizationKind.City, null);
        var county = Make("定海区", OrganizationKind.County, city);
        var village = Make("三龙村", OrganizationKind.Village, county);

        Assert.Equal($"/{city.Id:N}/", city.Path);
        Assert.Equal($"/{city.Id:N}/{county.Id:N}/{village.Id:N}/", village.Path);
        Assert.StartsWith(county.Path, village.Path);
        Assert.Equal(2, village.Depth);
    }

    [Fact]
    public void Grid_LevelFollowsParentGrid_AndStopsAtFive()
    {
        var community = Make("东海社区", OrganizationKind.Community, null);
        var grid = Make("第一网格", OrganizationKind.Grid, community);
        var level = grid;
        for (var i = 2; i <= 5; i++) level = Make($"第{i}级", OrganizationKind.Grid, level);

        Assert.Equal(1, grid.GridLevel);
        Assert.Equal(5, level.GridLevel);
        var sixth = Organization.Create(Guid.CreateVersion7(), "第六级", OrganizationKind.Grid, level, Now);
        Assert.False(sixth.IsSuccess);
        Assert.Equal("organization.grid_too_deep", sixth.Error!.Code);
    }

    [Fact]
    public void Move_UnderItself_IsCycle()
    {
        var city = Make("舟山市", OrganizationKind.City, null);
        var result = city.MoveUnder(city);
        Assert.Equal("organization.move_cycle", result.Error?.Code);
    }

    [Fact]
    public void Move_UnderDescendant_IsCycle()
    {
        var city = Make("舟山市", OrganizationKind.City, null);
        var county = Make("定海区", OrganizationKind.County, city);
        var township = Make("长白乡", OrganizationKind.Township, county);

        var result = county.MoveUnder(township);

        Assert.Equal("organization.move_cycle", result.Error?.Code);
        Assert.Equal(city.Id, county.ParentId);
    }

    [Fact]
    public void Move_UnderSibling_RewritesPathAndDepth()
    {
        var city = Make("舟山市", OrganizationKind.City, null);
        var dinghai = Make("定海区", OrganizationKind.County, city);
        var putuo = Make("普陀区", OrganizationKind.County, city);
        var township = Make("长白乡", OrganizationKind.Township, dinghai);

        Assert.True(township.MoveUnder(putuo).IsSuccess);

        Assert.Equal(putuo.Id, township.ParentId);
        Assert.Equal(putuo.Path + $"{township.Id:N}/", township.Path);
        Assert.Equal(2, township.Depth);
    }

    [Fact]
    public void Move_GridSubtreeDeeper_BeyondFiveLevels_IsRejected()
    {
        var community = Make("东海社区", OrganizationKind.Community, null);
        var a = Make("A", OrganizationKind.Grid, community);
        var b = Make("B", OrganizationKind.Grid, a);
        var c = Make("C", OrganizationKind.Grid, b);
        var other = Make("另一网格", OrganizationKind.Grid, community);

        // Moving A (with B, C: 3 levels) under another level-1 grid makes C level 4: allowed, delta +1.
        Assert.Equal(1, a.CanMoveUnder(other, deepestGridLevelBelow: 3).Value);
        // The same subtree under a level-3 grid elsewhere would put C at level 6.
        var x = Make("X", OrganizationKind.Grid, other);
        var y = Make("Y", OrganizationKind.Grid, x);
        Assert.Equal(3, y.GridLevel);
        Assert.Equal("organization.grid_too_deep", a.CanMoveUnder(y, deepestGridLevelBelow: 3).Error?.Code);
    }

    [Fact]
    public void Deactivate_WithActiveChildren_IsRejected_AndIdempotentOtherwise()
    {
        var village = Make("三龙村", OrganizationKind.Village, null);
        Assert.Equal("organization.has_active_children", village.Deactivate(Now, hasActiveChildren: true).Error?.Code);
        Assert.True(village.IsActive);
        Assert.True(village.Deactivate(Now, hasActiveChildren: false).IsSuccess);
        Assert.False(village.IsActive);
        Assert.Equal(Now, village.DeactivatedAt);
        Assert.True(village.Deactivate(Now.AddDays(1), false).IsSuccess);
        Assert.Equal(Now, village.DeactivatedAt);
    }

    [Theory]
    [InlineData("党支部", OrganizationKind.Branch)]
    [InlineData("Branch", OrganizationKind.Branch)]
    [InlineData("网格", OrganizationKind.Grid)]
    [InlineData("街道", OrganizationKind.Township)]
    [InlineData("合作社", OrganizationKind.Cooperative)]
    public void Kind_ParsesChineseLabelsAndCodeNames(string text, OrganizationKind expected) =>
        Assert.Equal(expected, OrganizationKinds.Parse(text));

    [Fact]
    public void Kind_Unknown_IsNull() => Assert.Null(OrganizationKinds.Parse("火星基地"));
}
