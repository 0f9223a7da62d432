using Lianjian.Web.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lianjian.Web.Modules.Organizations;

/// <summary>
/// The Zhoushan example of the seeds: 市机关事务管理中心 with its 6 branches, the 4 county/district centres, the
/// island villages, one community with a five-level grid, and a few non-party units.
/// </summary>
internal sealed class OrganizationsDemoData(TimeProvider clock) : IDemoDataSeeder
{
    public const string City = "舟山市";

    public static readonly string[] CityBranches =
    [
        "中心机关第一党支部", "中心机关第二党支部", "中心机关第三党支部",
        "市公务用车保障中心党支部", "市公物仓管理中心党支部", "市机关综合服务中心党支部",
    ];

    public int Order => 10;

    public async Task SeedAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Name == City && o.ParentId == null, ct)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var sort = 0;

        Organization Add(string name, OrganizationKind kind, Organization? parent, string? address = null, string? contact = null, string? phone = null)
        {
            var org = Organization.Create(Guid.CreateVersion7(), name, kind, parent, now).Value;
            org.Describe(name, null, address, contact, phone, null, sort++);
            db.Add(org);
            return org;
        }

        var city = Add(City, OrganizationKind.City, null, "浙江省舟山市定海区千岛路");
        var workCommittee = Add("中共舟山市直属机关工作委员会", OrganizationKind.WorkCommittee, city, contact: "市直机关工委办公室", phone: "0580-2281234");
        var centre = Add("舟山市机关事务管理中心机关党委", OrganizationKind.PartyCommittee, workCommittee);
        foreach (var branch in CityBranches) Add(branch, OrganizationKind.Branch, centre);
        Add("舟山市经济和信息化局机关党委", OrganizationKind.PartyCommittee, workCommittee);
        Add("舟山市经济和信息化局", OrganizationKind.Department, city);

        var dinghai = Add("定海区", OrganizationKind.County, city);
        Add("定海区机关事务管理中心党支部", OrganizationKind.Branch, dinghai);
        var changbai = Add("长白乡", OrganizationKind.Township, dinghai);
        var sanlong = Add("长白岛三龙村", OrganizationKind.Village, changbai, "定海区长白乡三龙村");
        Add("三龙村党支部", OrganizationKind.Branch, sanlong);
        Add("三龙村股份经济合作社", OrganizationKind.Cooperative, sanlong);
        var huannan = Add("环南街道", OrganizationKind.Township, dinghai);
        var donghai = Add("东海社区", OrganizationKind.Community, huannan, "定海区环南街道东海路18号");
        Add("东海社区党委", OrganizationKind.PartyCommittee, donghai);
        var grid1 = Add("东海社区第一网格", OrganizationKind.Grid, donghai);
        Add("第一网格党支部", OrganizationKind.Branch, grid1);
        var yard = Add("东海苑楼院", OrganizationKind.Grid, grid1);
        var estate = Add("东海苑小区", OrganizationKind.Grid, yard);
        var building = Add("东海苑3幢", OrganizationKind.Grid, estate);
        Add("东海苑3幢2单元", OrganizationKind.Grid, building);
        Add("东海社区第二网格", OrganizationKind.Grid, donghai);
        Add("东海红色物业服务有限公司", OrganizationKind.PropertyCompany, donghai);

        var putuo = Add("普陀区", OrganizationKind.County, city);
        Add("普陀区机关事务管理中心党支部", OrganizationKind.Branch, putuo);
        var xiazhi = Add("虾峙镇", OrganizationKind.Township, putuo);
        var hulu = Add("葫芦岛村", OrganizationKind.Village, xiazhi, "普陀区虾峙镇葫芦岛");
        Add("葫芦岛村党支部", OrganizationKind.Branch, hulu);
        var xinggang = Add("兴港村", OrganizationKind.Village, xiazhi, "普陀区虾峙镇兴港村");
        Add("兴港村党支部", OrganizationKind.Branch, xinggang);
        var taohua = Add("桃花镇", OrganizationKind.Township, putuo);
        var tawan = Add("塔湾村", OrganizationKind.Village, taohua);
        Add("塔湾村党支部", OrganizationKind.Branch, tawan);
        var shenjiamen = Add("沈家门街道", OrganizationKind.Township, putuo);
        var dongju = Add("东岠岛村", OrganizationKind.Village, shenjiamen, "普陀区沈家门街道东岠岛");
        Add("东岠岛村党支部", OrganizationKind.Branch, dongju);
        var zhanmao = Add("展茅街道", OrganizationKind.Township, putuo);
        var wulian = Add("五联村", OrganizationKind.Village, zhanmao);
        Add("五联村党支部", OrganizationKind.Branch, wulian);

        var daishan = Add("岱山县", OrganizationKind.County, city);
        Add("岱山县机关事务管理中心党支部", OrganizationKind.Branch, daishan);
        var changtu = Add("长涂镇", OrganizationKind.Township, daishan);
        var changxi = Add("长西村", OrganizationKind.Village, changtu, "岱山县长涂镇长西村");
        Add("长西村党支部", OrganizationKind.Branch, changxi);
        Add("长西村股份经济合作社", OrganizationKind.Cooperative, changxi);

        var shengsi = Add("嵊泗县", OrganizationKind.County, city);
        Add("嵊泗县机关事务管理中心党支部", OrganizationKind.Branch, shengsi);
        var gouqi = Add("枸杞乡", OrganizationKind.Township, shengsi);
        var longquan = Add("枸杞乡龙泉村", OrganizationKind.Village, gouqi, "嵊泗县枸杞乡龙泉村");
        Add("龙泉村党支部", OrganizationKind.Branch, longquan);
        Add("嵊泗县民宿协会", OrganizationKind.Association, shengsi);
        Add("舟山海贻贝科技有限公司", OrganizationKind.Enterprise, gouqi);

        await db.SaveChangesAsync(ct);
    }
}
