namespace Lianjian.Bench.Generation;

/// <summary>Chinese names for the generated Zhoushan-like city: real county and township names first, then made-up ones.</summary>
public static class Names
{
    public sealed record County(string Name, string Short, string RegionCode, string PartyCommittee, string[] Townships);

    public static readonly County[] Counties =
    [
        new("定海区", "定海", "330902", "中共舟山市定海区委员会",
            ["解放街道", "昌国街道", "环南街道", "城东街道", "盐仓街道", "临城街道", "千岛街道", "马岙街道", "双桥街道", "岑港街道", "小沙街道", "白泉镇", "金塘镇", "干览镇", "长白乡"]),
        new("普陀区", "普陀", "330903", "中共舟山市普陀区委员会",
            ["沈家门街道", "东港街道", "朱家尖街道", "展茅街道", "勾山街道", "六横镇", "桃花镇", "虾峙镇", "东极镇", "普陀山镇"]),
        new("岱山县", "岱山", "330921", "中共岱山县委员会",
            ["高亭镇", "东沙镇", "岱西镇", "岱东镇", "衢山镇", "长涂镇", "秀山乡"]),
        new("嵊泗县", "嵊泗", "330922", "中共嵊泗县委员会",
            ["菜园镇", "嵊山镇", "洋山镇", "五龙乡", "黄龙乡", "枸杞乡", "花鸟乡"]),
    ];

    public static readonly string[] CityDepartments =
    [
        "舟山市发展和改革委员会", "舟山市经济和信息化局", "舟山市教育局", "舟山市民政局", "舟山市司法局", "舟山市财政局",
        "舟山市人力资源和社会保障局", "舟山市自然资源和规划局", "舟山市住房和城乡建设局", "舟山市交通运输局", "舟山市海洋与渔业局", "舟山市卫生健康委员会",
    ];

    public static readonly string[] CityCentreBranches =
    [
        "中心机关第一党支部", "中心机关第二党支部", "中心机关第三党支部",
        "市公务用车保障中心党支部", "市公物仓管理中心党支部", "市机关综合服务中心党支部",
    ];

    public static readonly string[] CountyDepartments = ["组织部", "民政局", "农业农村局", "卫生健康局", "住房和城乡建设局", "机关事务管理中心"];

    private static readonly string[] PlaceFirst =
        ["东", "西", "南", "北", "大", "小", "新", "长", "龙", "沙", "青", "白", "金", "桃", "花", "海", "平", "安", "和", "兴", "福", "庆", "泉", "潮", "渔", "盐", "岚", "鹿", "马", "螺", "蟹", "礁", "虾", "鳌", "鹤", "鸥", "松", "竹", "柳", "梅"];

    private static readonly string[] PlaceSecond =
        ["岙", "湾", "港", "门", "沙", "礁", "岭", "山", "塘", "浦", "溪", "峰", "洋", "桥", "田", "林", "头", "口", "嘴", "墩", "岗", "庄", "园", "坑", "屿", "滩"];

    private static readonly string[] Estates = ["海景苑", "金沙苑", "渔港花园", "东海苑", "海韵小区", "碧海名苑", "滨港新村", "龙湾小区", "锦绣家园", "海天花园", "桃源小区", "观潮苑"];

    public static readonly string[] Industries = ["水产", "海洋科技", "船舶修造", "渔业", "旅游开发", "海产品加工", "物流", "贸易", "建材", "民宿管理"];

    public static readonly string[] Surnames =
        ["王", "李", "张", "陈", "刘", "周", "林", "徐", "胡", "郑", "黄", "吴", "孙", "朱", "杨", "何", "金", "叶", "戴", "乐", "邵", "贺", "应", "虞", "毛", "方", "余", "俞", "蒋", "丁"];

    private static readonly string[] GivenChars =
        ["海", "波", "晓", "燕", "建", "国", "丽", "君", "志", "强", "雪", "梅", "军", "华", "明", "芳", "伟", "静", "敏", "磊", "洋", "涛", "艳", "杰", "勇", "霞", "斌", "红", "英", "平", "峰", "婷", "辉", "娟", "鑫", "宇", "浩", "佳", "欣", "琳"];

    public static readonly string[] Skills =
        ["农技", "医疗", "法律", "维修", "理发", "电工", "驾驶", "财务", "政策宣讲", "渔业", "养殖", "教育", "心理咨询", "摄影", "书法", "烹饪", "网络直播", "计算机"];

    public static readonly string[] LeaderTitles = ["区委常委", "副区长", "县委常委", "副县长", "镇党委书记", "镇长", "街道党工委书记", "街道办事处主任"];

    public static readonly string[] CommunityPosts = ["楼道长", "政策宣讲员", "文明劝导员", "平安巡防员", "志愿服务队长", "矛盾调解员"];

    public static string Ordinal(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", 10 => "十",
        _ when n < 20 => "十" + Ordinal(n - 10),
        _ when n < 100 => Ordinal(n / 10) + "十" + (n % 10 == 0 ? "" : Ordinal(n % 10)),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Place(Random rng) => PlaceFirst[rng.Next(PlaceFirst.Length)] + PlaceSecond[rng.Next(PlaceSecond.Length)];

    public static string Estate(Random rng) => Estates[rng.Next(Estates.Length)];

    public static string Person(Random rng) =>
        Surnames[rng.Next(Surnames.Length)] + GivenChars[rng.Next(GivenChars.Length)] + (rng.Next(3) == 0 ? "" : GivenChars[rng.Next(GivenChars.Length)]);
}
