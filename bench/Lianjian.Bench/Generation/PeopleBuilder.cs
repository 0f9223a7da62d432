using Lianjian.Web.Modules.Organizations;
using Lianjian.Web.Modules.People;

namespace Lianjian.Bench.Generation;

/// <summary>
/// People spread over the tree with realistic kinds: party members in branches and party groups (in-service members
/// in department branches, some registered with a community — 双报到), leaders, stationed cadres with on-site and
/// liaison periods, one grid worker per level-1/2 grid, residents in villages, communities and grid cells, enterprises.
/// </summary>
public sealed class PeopleBuilder(Random rng, IdSource ids, DateTime now, TreeBuilder tree)
{
    private readonly HashSet<string> _idNumbers = [];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly string[] PhonePrefixes = ["135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188", "198"];
    private int _sequence;

    public List<Person> People { get; } = [];

    public List<StationedPeriod> StationedPeriods { get; } = [];

    public List<CommunityRegistration> Registrations { get; } = [];

    public PeopleBuilder Build(int target)
    {
        var gridWorkerHomes = tree.Grids[1].Concat(tree.Grids[2]).ToList();
        var leaders = Math.Min(target / 100, Math.Max(1, tree.LeaderSeats.Count * 3));
        var cadres = tree.Villages.Count == 0 ? 0 : target / 200;
        var gridWorkers = Math.Min(gridWorkerHomes.Count, target / 50);
        var enterprises = target * 3 / 100;
        var residents = target * 45 / 100;
        var members = target - leaders - cadres - gridWorkers - enterprises - residents;
        var inServiceMembers = tree.DepartmentBranches.Count == 0 ? 0 : members / 8;

        for (var i = 0; i < leaders; i++)
        {
            var p = New(PersonKind.Leader, Pick(tree.LeaderSeats), 1960, 1985);
            p.MemberStatus = MemberStatus.Formal;
            p.JoinedPartyOn = Joined(p);
            p.Title = Names.LeaderTitles[rng.Next(Names.LeaderTitles.Length)];
            p.IsInService = true;
        }

        for (var i = 0; i < cadres; i++)
        {
            var p = New(PersonKind.StationedCadre, Pick(tree.DepartmentBranches), 1970, 1995);
            p.MemberStatus = MemberStatus.Formal;
            p.JoinedPartyOn = Joined(p);
            p.Title = "驻村干部";
            p.IsInService = true;
            p.Skills.Add(rng.Next(2) == 0 ? "农技" : Names.Skills[rng.Next(Names.Skills.Length)]);
            // seeds: one month on site, then two months of liaison
            var village = Pick(tree.Villages);
            var start = new DateOnly(2025, 1 + rng.Next(12), 1);
            StationedPeriods.Add(new StationedPeriod { Id = ids.Next(), PersonId = p.Id, VillageId = village.Id, Kind = StationingKind.OnSite, StartsOn = start, EndsOn = start.AddMonths(1).AddDays(-1) });
            StationedPeriods.Add(new StationedPeriod { Id = ids.Next(), PersonId = p.Id, VillageId = village.Id, Kind = StationingKind.Liaison, StartsOn = start.AddMonths(1), EndsOn = start.AddMonths(3).AddDays(-1) });
        }

        for (var i = 0; i < gridWorkers; i++)
        {
            var p = New(PersonKind.GridWorker, gridWorkerHomes[i], 1970, 1998);
            p.Title = rng.Next(3) == 0 ? "兼职网格员" : "专职网格员";
            if (rng.Next(3) == 0)
            {
                p.MemberStatus = MemberStatus.Formal;
                p.JoinedPartyOn = Joined(p);
            }
        }

        for (var i = 0; i < members; i++)
        {
            var inService = i < inServiceMembers;
            var p = New(PersonKind.PartyMember, inService ? Pick(tree.DepartmentBranches) : Pick(tree.PartyUnits), 1940, 2003);
            var roll = rng.NextDouble();
            p.MemberStatus = roll < 0.86 ? MemberStatus.Formal : roll < 0.94 ? MemberStatus.Probationary : MemberStatus.Activist;
            if (p.MemberStatus != MemberStatus.Activist) p.JoinedPartyOn = Joined(p);
            p.IsInService = inService;
            if (rng.NextDouble() < 0.6) AddSkills(p, 1 + rng.Next(2));
            if (inService)
            {
                p.Tags.Add("在职党员");
                if (tree.Communities.Count > 0 && rng.NextDouble() < 0.6)
                {
                    Registrations.Add(new CommunityRegistration
                    {
                        Id = ids.Next(), PersonId = p.Id, CommunityId = Pick(tree.Communities).Id,
                        RegisteredOn = new DateOnly(2024 + rng.Next(2), 1 + rng.Next(12), 1 + rng.Next(28)),
                        Post = Names.CommunityPosts[rng.Next(Names.CommunityPosts.Length)],
                    });
                }
            }

            if (p.BirthDate is { Year: < 1956 }) p.Tags.Add("老党员");
            if (rng.NextDouble() < 0.05) p.Tags.Add("退役军人");
            if (rng.NextDouble() < 0.2) p.Tags.Add("志愿者");
            if (p.Organization.Kind == OrganizationKind.Branch && p.Organization.Name.EndsWith("村党支部", StringComparison.Ordinal))
            {
                if (rng.NextDouble() < 0.05) p.Tags.Add("致富能手");
                if (i % 40 == 0) p.Title = "村党支部书记";
            }
            else if (i % 30 == 0)
            {
                p.Title = "支部书记";
            }
        }

        var residentHomes = tree.Villages.Concat(tree.Communities).Concat(tree.Grids[3]).Concat(tree.Grids[4]).Concat(tree.Grids[5]).ToList();
        if (residentHomes.Count == 0) residentHomes = [.. tree.All];
        for (var i = 0; i < residents; i++)
        {
            var p = New(PersonKind.Resident, Pick(residentHomes), 1935, 2008);
            if (rng.NextDouble() < 0.04)
            {
                // known by a phone number alone (点单 by phone)
                p.Name = null;
                p.Gender = null;
                p.BirthDate = null;
                p.IdNumber = null;
                p.Phone ??= Phone();
            }

            if (rng.NextDouble() < 0.1) AddSkills(p, 1);
            if (rng.NextDouble() < 0.08) p.Tags.Add("志愿者");
        }

        var enterpriseHomes = tree.Enterprises.Count > 0 ? tree.Enterprises : residentHomes;
        for (var i = 0; i < enterprises; i++)
        {
            var home = Pick(enterpriseHomes);
            var p = New(PersonKind.Enterprise, home, 1960, 1995);
            p.Name = $"舟山{Names.Place(rng)}{Names.Industries[rng.Next(Names.Industries.Length)]}有限公司";
            if (p.Name.Length > Person.NameMax) p.Name = p.Name[..Person.NameMax];
            p.Gender = null;
            p.BirthDate = null;
            p.IdNumber = null;
            p.Title = "法定代表人";
        }

        return this;
    }

    private Person New(PersonKind kind, Organization home, int bornFrom, int bornTo)
    {
        var birth = new DateOnly(bornFrom + rng.Next(bornTo - bornFrom + 1), 1 + rng.Next(12), 1 + rng.Next(28));
        var gender = rng.Next(100) < 55 ? Gender.Male : Gender.Female;
        var person = new Person
        {
            Id = ids.Next(),
            Name = Names.Person(rng),
            Kind = kind,
            Gender = gender,
            BirthDate = birth,
            OrganizationId = home.Id,
            Organization = home,
            Phone = rng.NextDouble() < 0.95 ? Phone() : null,
            IdNumber = rng.NextDouble() < 0.7 ? IdNumber(tree.RegionOf[home.Id], birth, gender) : null,
            CreatedAt = now.AddSeconds(People.Count),
        };
        People.Add(person);
        return person;
    }

    private DateOnly Joined(Person p)
    {
        var birth = p.BirthDate ?? new DateOnly(1980, 1, 1);
        var joined = birth.AddYears(20 + rng.Next(20)).AddDays(rng.Next(365));
        return joined > new DateOnly(2025, 12, 31) ? new DateOnly(2025, 7, 1) : joined;
    }

    private void AddSkills(Person p, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var skill = Names.Skills[rng.Next(Names.Skills.Length)];
            if (!p.Skills.Contains(skill)) p.Skills.Add(skill);
        }
    }

    // Unique: the 8-digit suffix is a bijection of a running number (7919 is prime to 10^8).
    private string Phone() => PhonePrefixes[rng.Next(PhonePrefixes.Length)] + ((++_sequence * 7919L) % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An 18-digit resident ID (GB 11643): region, birth date, sequence (odd for men), ISO 7064 check digit.</summary>
    private string IdNumber(string region, DateOnly birth, Gender gender)
    {
        for (var attempt = 0; ; attempt++)
        {
            var seq = rng.Next(500) * 2 + (gender == Gender.Male ? 1 : 0);
            var body = $"{region}{birth:yyyyMMdd}{seq:D3}";
            var sum = 0;
            for (var i = 0; i < 17; i++) sum += (body[i] - '0') * IdWeights[i];
            var id = body + "10X98765432"[sum % 11];
            if (_idNumbers.Add(id)) return id;
            if (attempt > 1000) throw new InvalidOperationException("no free ID number");
        }
    }

    private T Pick<T>(List<T> items) => items[rng.Next(items.Count)];
}
