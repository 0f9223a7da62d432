using Lianjian.Web.Modules.Organizations;

namespace Lianjian.Bench.Generation;

/// <summary>
/// Builds the organization tree in memory, parents before children: city → 4 counties → townships →
/// villages (branch, party groups, cooperative …) and communities (party committee, branches, red property company,
/// grids five levels deep 社区网格—楼院—小区—楼栋—单元 with grid party branches), plus city and county departments
/// with their branches. Stops exactly at the requested count; townships are added round-robin over the counties.
/// </summary>
public sealed class TreeBuilder(Random rng, IdSource ids, DateTime now, int target)
{
    private readonly HashSet<string> _names = [];
    private readonly Dictionary<Guid, int> _childCount = [];

    public List<Organization> All { get; } = [];

    public Organization City { get; private set; } = null!;

    public List<Organization> Counties { get; } = [];

    /// <summary>Branches and party groups: the home of ordinary party members.</summary>
    public List<Organization> PartyUnits { get; } = [];

    /// <summary>Branches of city and county departments: in-service members, stationed cadres.</summary>
    public List<Organization> DepartmentBranches { get; } = [];

    /// <summary>Counties, townships and county party committees: where leaders sit.</summary>
    public List<Organization> LeaderSeats { get; } = [];

    public List<Organization> Villages { get; } = [];

    public List<Organization> Communities { get; } = [];

    /// <summary>Grid cells by level (index 1–5).</summary>
    public List<Organization>[] Grids { get; } = [[], [], [], [], [], []];

    public List<Organization> Enterprises { get; } = [];

    /// <summary>Region code (行政区划代码) of the county each organization lies in (ID numbers).</summary>
    public Dictionary<Guid, string> RegionOf { get; } = [];

    private bool Full => All.Count >= target;

    public TreeBuilder Build()
    {
        City = Add("舟山市", OrganizationKind.City, null, address: "浙江省舟山市定海区千岛路")!;
        var workCommittee = Add("中共舟山市直属机关工作委员会", OrganizationKind.WorkCommittee, City, contact: true);
        var centre = Add("舟山市机关事务管理中心机关党委", OrganizationKind.PartyCommittee, workCommittee);
        foreach (var branch in Names.CityCentreBranches) DepartmentBranches.AddIfNotNull(Add(branch, OrganizationKind.Branch, centre, contact: true));
        foreach (var department in Names.CityDepartments)
        {
            Add(department, OrganizationKind.Department, City, contact: true);
            DepartmentBranches.AddIfNotNull(Add(department.Replace("舟山市", "", StringComparison.Ordinal) + "机关党支部", OrganizationKind.Branch, workCommittee, contact: true));
        }

        var townshipsPlaced = new Queue<(Names.County County, Organization Org, int Next)>();
        foreach (var county in Names.Counties)
        {
            var org = Add(county.Name, OrganizationKind.County, City, address: "浙江省舟山市" + county.Name);
            if (org is null) break;
            Counties.Add(org);
            LeaderSeats.Add(org);
            LeaderSeats.AddIfNotNull(Add(county.PartyCommittee, OrganizationKind.PartyCommittee, org, contact: true));
            var countyCommittee = Add($"中共{county.Short}直属机关工作委员会", OrganizationKind.WorkCommittee, org, contact: true);
            foreach (var department in Names.CountyDepartments)
            {
                Add(county.Short + department, OrganizationKind.Department, org, contact: true);
                DepartmentBranches.AddIfNotNull(Add(county.Short + department + "党支部", OrganizationKind.Branch, countyCommittee, contact: true));
            }

            townshipsPlaced.Enqueue((county, org, 0));
        }

        // Townships round-robin over the counties until the budget is spent (real names first, then made-up ones).
        while (!Full && townshipsPlaced.Count > 0)
        {
            var (county, countyOrg, next) = townshipsPlaced.Dequeue();
            var name = next < county.Townships.Length ? county.Townships[next] : UniqueName(Names.Place(rng) + (rng.Next(2) == 0 ? "镇" : "街道"));
            AddTownship(county, countyOrg, name);
            townshipsPlaced.Enqueue((county, countyOrg, next + 1));
        }

        return this;
    }

    private void AddTownship(Names.County county, Organization countyOrg, string name)
    {
        var township = Add(name, OrganizationKind.Township, countyOrg, address: $"浙江省舟山市{county.Name}{name}");
        if (township is null) return;
        LeaderSeats.Add(township);
        var isStreet = name.EndsWith("街道", StringComparison.Ordinal);
        var committee = Add(name + (isStreet ? "党工委" : "党委"), OrganizationKind.PartyCommittee, township, contact: true);
        if (committee is not null) LeaderSeats.Add(committee);

        // Streets (街道) are mostly urban communities, towns and 乡 mostly island villages.
        var places = 8 + rng.Next(5);
        for (var i = 0; i < places && !Full; i++)
        {
            var community = isStreet ? rng.NextDouble() < 0.7 : rng.NextDouble() < 0.25;
            if (community) AddCommunity(county, township);
            else AddVillage(county, township);
        }
    }

    private void AddVillage(Names.County county, Organization township)
    {
        var place = UniquePlace("村");
        var village = Add(place + "村", OrganizationKind.Village, township, address: $"舟山市{county.Name}{township.Name}{place}村");
        if (village is null) return;
        Villages.Add(village);
        var branch = Add(place + "村党支部", OrganizationKind.Branch, village, contact: true);
        PartyUnits.AddIfNotNull(branch);
        var groups = 1 + rng.Next(3);
        for (var g = 1; g <= groups; g++) PartyUnits.AddIfNotNull(Add($"{place}村第{Names.Ordinal(g)}党小组", OrganizationKind.PartyGroup, branch));
        if (rng.NextDouble() < 0.6) Enterprises.AddIfNotNull(Add(place + "村股份经济合作社", OrganizationKind.Cooperative, village, contact: true));
        if (rng.NextDouble() < 0.15) Add(place + "民宿协会", OrganizationKind.Association, village, contact: true);
        if (rng.NextDouble() < 0.3) Enterprises.AddIfNotNull(Add($"舟山{place}{Names.Industries[rng.Next(Names.Industries.Length)]}有限公司", OrganizationKind.Enterprise, village, contact: true));
    }

    private void AddCommunity(Names.County county, Organization township)
    {
        var place = UniquePlace("社区");
        var community = Add(place + "社区", OrganizationKind.Community, township, address: $"舟山市{county.Name}{township.Name}{place}路{1 + rng.Next(200)}号");
        if (community is null) return;
        Communities.Add(community);
        var committee = Add(place + "社区党委", OrganizationKind.PartyCommittee, community, contact: true);
        for (var b = 1; b <= 2; b++) PartyUnits.AddIfNotNull(Add($"{place}社区第{Names.Ordinal(b)}党支部", OrganizationKind.Branch, committee, contact: true));
        Add(place + "红色物业服务有限公司", OrganizationKind.PropertyCompany, community, contact: true);

        // 社区网格 (1) — 楼院 (2) — 小区 (3) — 楼栋 (4) — 单元 (5)
        var gridCount = 2 + rng.Next(3);
        for (var g = 1; g <= gridCount && !Full; g++)
        {
            var grid = Grid($"{place}社区第{Names.Ordinal(g)}网格", community, 1);
            if (grid is null) return;
            PartyUnits.AddIfNotNull(Add($"{place}社区第{Names.Ordinal(g)}网格党支部", OrganizationKind.Branch, grid, contact: true));
            var yards = 1 + rng.Next(2);
            for (var y = 1; y <= yards; y++)
            {
                var yard = Grid($"{place}社区{g}-{y}楼院", grid, 2);
                var estates = 1 + rng.Next(2);
                for (var e = 0; e < estates && yard is not null; e++)
                {
                    var estateName = UniqueName(place + Names.Estate(rng));
                    var estate = Grid(estateName, yard, 3);
                    var buildings = 1 + rng.Next(3);
                    for (var b = 1; b <= buildings && estate is not null; b++)
                    {
                        var building = Grid($"{estateName}{b}幢", estate, 4);
                        var units = 1 + rng.Next(2);
                        for (var u = 1; u <= units && building is not null; u++) Grid($"{estateName}{b}幢{u}单元", building, 5);
                    }
                }
            }
        }
    }

    private Organization? Grid(string name, Organization parent, int level)
    {
        var grid = Add(name, OrganizationKind.Grid, parent);
        if (grid is null) return null;
        if (grid.GridLevel != level) throw new InvalidOperationException($"grid {name} is at level {grid.GridLevel}, expected {level}");
        Grids[level].Add(grid);
        return grid;
    }

    private Organization? Add(string name, OrganizationKind kind, Organization? parent, string? address = null, bool contact = false)
    {
        if (Full) return null;
        if (parent is null && All.Count > 0) throw new InvalidOperationException("only the city is a root");
        name = UniqueName(name);
        var created = Organization.Create(ids.Next(), name, kind, parent, now);
        if (!created.IsSuccess) throw new InvalidOperationException($"{name}: {created.Error.Message}");
        var org = created.Value;
        var sort = parent is null ? 0 : _childCount[parent.Id] = _childCount.GetValueOrDefault(parent.Id) + 1;
        org.Describe(name, $"ZS{All.Count + 1:D6}", address, contact ? Names.Person(rng) : null,
            contact ? $"0580-{2000000 + rng.Next(8000000)}" : null, null, sort);
        All.Add(org);
        RegionOf[org.Id] = parent is null ? "330900" : kind == OrganizationKind.County
            ? Names.Counties.First(c => c.Name == name).RegionCode
            : RegionOf[parent.Id];
        return org;
    }

    private string UniquePlace(string suffix)
    {
        for (var i = 0; i < 50; i++)
        {
            var place = Names.Place(rng);
            if (!_names.Contains(place + suffix)) return place;
        }

        return Names.Place(rng) + Names.Place(rng);
    }

    private string UniqueName(string name)
    {
        if (_names.Add(name)) return name;
        for (var n = 2; ; n++)
        {
            var candidate = $"{name}（{Names.Ordinal(n)}）";
            if (_names.Add(candidate)) return candidate;
        }
    }
}

internal static class ListExtensions
{
    public static void AddIfNotNull<T>(this List<T> list, T? item) where T : class
    {
        if (item is not null) list.Add(item);
    }
}
