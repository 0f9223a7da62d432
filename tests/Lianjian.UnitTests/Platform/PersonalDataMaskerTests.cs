using Lianjian.Web.Platform.Results;

namespace Lianjian.UnitTests.Platform;

public class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("请联系13857201234", "请联系138****1234")]
    [InlineData("电话 138 5720 1234 谢谢", "电话 138****1234 谢谢")]
    [InlineData("手机138-5720-1234。", "手机138****1234。")]
    [InlineData("+86 13857201234", "138****1234")]
    [InlineData("全角１３８５７２０１２３４", "全角138****1234")]
    public void Mobile_numbers_keep_only_their_first_three_and_last_four_digits(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("打0580-2281234找我", "打0580-*******找我")]
    [InlineData("座机(0580)2281234", "座机0580-*******")]
    [InlineData("座机05802281234", "座机0580-*******")]
    [InlineData("010-12345678", "010-********")]
    public void Landlines_keep_only_their_area_code(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("身份证33090219900101123X。", "身份证330***********123X。")]
    [InlineData("身份证330902199001011234", "身份证330***********1234")]
    [InlineData("老证330902900101123", "老证330********1123")]
    public void Id_numbers_are_masked_in_the_middle(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("家里电话2281234", "家里电话*******")]
    [InlineData("卡号6222020200112233445", "卡号*******************")]
    public void Other_long_digit_runs_become_stars(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("我叫张三，路灯坏了", "我叫张*，路灯坏了")]
    [InlineData("我叫欧阳明华", "我叫欧***")]
    [InlineData("联系人李四电话13857201234", "联系人李*电话138****1234")]
    [InlineData("姓名：王小明", "姓名：王**")]
    [InlineData("我姓王，住三龙村", "我姓*，住三龙村")]
    [InlineData("一位姓欧阳的老人", "一位姓*的老人")]
    public void Names_after_a_marker_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("住东海路18号3幢2单元201室", "住东海路**号**幢**单元***室")]
    [InlineData("5号楼门口", "**号楼门口")]
    public void House_numbers_are_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Fact]
    public void Email_addresses_keep_their_first_letter_and_domain() =>
        Assert.Equal("邮箱z***@example.com", PersonalDataMasker.Mask("邮箱zhangsan@example.com"));

    [Theory]
    [InlineData("为老百姓办实事，安装5盏路灯，资金2万元，12月2号完工")]
    [InlineData("村里的路灯坏了3盏，姓名栏未填")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_text_is_left_alone(string? text) => Assert.Equal(text, PersonalDataMasker.Mask(text));

    [Fact]
    public void Excerpt_masks_before_cutting_so_no_half_number_survives()
    {
        var excerpt = PersonalDataMasker.Excerpt("请回电话13857201234谢谢", 10);
        Assert.Equal("请回电话138***…", excerpt);
        Assert.DoesNotContain("1385", excerpt);
    }

    [Fact]
    public void Excerpt_puts_the_text_on_one_line() =>
        Assert.Equal("路灯 坏了", PersonalDataMasker.Excerpt("路灯\n\n  坏了 ", 20));
}
