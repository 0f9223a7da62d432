using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.Organizations.Exports;

namespace Lianjian.UnitTests.Modules.Organizations;

/// <summary>How 上级组织 / 所属组织 text finds an organization: name, "上级/名称" path, code; namesakes; rows of the same file.</summary>
public class OrganizationLookupTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Organization Org(string name, OrganizationKind kind, Organization? parent, string? code = null)
    {
        var organization = Organization.Create(Guid.NewGuid(), name, kind, parent, Now).Value;
        organization.Describe(name, code, null, null, null, null, 0);
        return organization;
    }

    private readonly Organization _dinghai;
    private readonly Organization _changbai;
    private readonly Organization _huannan;
    private readonly Organization _grid1;
    private readonly Organization _grid2;
    private readonly OrganizationLookup _lookup;

    public OrganizationLookupTests()
    {
        _dinghai = Org("定海区", OrganizationKind.County, null);
        _changbai = Org("长白乡", OrganizationKind.Township, _dinghai, code: "CB-01");
        _huannan = Org("环南街道", OrganizationKind.Township, _dinghai);
        var communityA = Org("东海社区", OrganizationKind.Community, _huannan);
        var communityB = Org("西海社区", OrganizationKind.Community, _changbai);
        _grid1 = Org("第一网格", OrganizationKind.Grid, communityA);
        _grid2 = Org("第一网格", OrganizationKind.Grid, communityB, code: "XH-1");
        _lookup = OrganizationLookup.From([_dinghai, _changbai, _huannan, communityA, communityB, _grid1, _grid2]);
    }

    [Fact]
    public void AUniqueName_IsFound() => Assert.Equal(_changbai, _lookup.Find(" 长白乡 ").Organization);

    [Fact]
    public void ANamesake_IsAmbiguous_UntilAPathOrCodeSaysWhich()
    {
        Assert.Equal(new OrganizationMatch(null, 2), _lookup.Find("第一网格"));
        Assert.Equal(_grid1, _lookup.Find("东海社区/第一网格").Organization);
        Assert.Equal(_grid2, _lookup.Find("长白乡／西海社区 / 第一网格").Organization);
        Assert.Equal(_grid2, _lookup.Find("xh-1").Organization);
        Assert.Equal(new OrganizationMatch(null, 0), _lookup.Find("东海社区/第二网格"));
        Assert.Equal(new OrganizationMatch(null, 0), _lookup.Find("长白乡/东海社区/第一网格"));
    }

    [Fact]
    public void ADeactivatedNamesake_DoesNotMakeANameAmbiguous()
    {
        Assert.True(_grid2.Deactivate(Now, hasActiveChildren: false).IsSuccess);
        Assert.Equal(_grid1, _lookup.Find("第一网格").Organization);
    }

    [Fact]
    public void RowsOfTheSameFile_AreFoundBeforeNamesakesInTheDatabase()
    {
        var copy = Org("长白乡", OrganizationKind.Township, _huannan);
        _lookup.AddFromFile(copy, 5);
        Assert.Equal(copy, _lookup.Find("长白乡").Organization);
        Assert.Equal(5, _lookup.FileRowOf(copy));
        Assert.Null(_lookup.FileRowOf(_changbai));
        Assert.True(_lookup.HasActiveChild(_dinghai.Id, "长白乡"));
        Assert.False(_lookup.HasActiveChild(_dinghai.Id, "葫芦岛村"));
    }

    [Fact]
    public void ReferenceTo_IsTheShortestTextThatFindsItAgain()
    {
        Assert.Equal("长白乡", _lookup.ReferenceTo(_changbai.Id));
        Assert.Equal("东海社区/第一网格", _lookup.ReferenceTo(_grid1.Id));
        Assert.Equal("西海社区/第一网格", _lookup.ReferenceTo(_grid2.Id));
        Assert.Equal("", _lookup.ReferenceTo(null));
        foreach (var id in new[] { _grid1.Id, _grid2.Id, _changbai.Id })
        {
            Assert.Equal(id, _lookup.Find(_lookup.ReferenceTo(id)).Organization?.Id);
        }
    }
}
