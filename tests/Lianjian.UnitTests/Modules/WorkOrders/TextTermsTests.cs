using Lianjian.Web.Modules.WorkOrders;

namespace Lianjian.UnitTests.Modules.WorkOrders;

public sealed class TextTermsTests
{
    [Theory]
    [InlineData("路灯坏了", null, "路灯 灯坏 坏了")]
    [InlineData("村口路灯不亮，请修", "东海路12号", "村口 口路 路灯 灯不 不亮 请修 东海 海路 12 号")]
    [InlineData("3号楼LED灯坏", null, "3 号楼 led 灯坏")]
    [InlineData("灯", "  ", "灯")]
    [InlineData("Street Light 2", null, "street light 2")]
    [InlineData("", null, "")]
    [InlineData("！？。", null, "")]
    public void Stored_terms_are_overlapping_pairs_of_chinese_and_whole_ascii_words(string description, string? address, string expected) =>
        Assert.Equal(expected, TextTerms.Of(description, address));

    [Fact]
    public void Characters_outside_the_basic_plane_stay_whole() =>
        Assert.Equal("𠀋路 路灯", TextTerms.Of("𠀋路灯", null)); // a surrogate pair is one character, never split

    [Theory]
    [InlineData("路灯", "路灯")]
    [InlineData("干斜岗", "干斜 斜岗")]
    [InlineData("修路 积水", "修路|积水")]
    [InlineData("3号楼", "3|号楼")]
    [InlineData("LED", "led")]
    public void Search_texts_become_phrases(string text, string expected)
    {
        var phrases = TextTerms.Phrases(text, out var complete);
        Assert.True(complete);
        Assert.Equal(expected, string.Join('|', phrases.Select(p => string.Join(' ', p))));
    }

    [Theory]
    [InlineData("灯", "")]
    [InlineData("灯 路", "")]
    [InlineData("路灯，亮", "路灯")]
    public void Single_chinese_characters_cannot_be_looked_up(string text, string expected)
    {
        var phrases = TextTerms.Phrases(text, out var complete);
        Assert.False(complete);
        Assert.Equal(expected, string.Join('|', phrases.Select(p => string.Join(' ', p))));
    }

    [Fact]
    public void Every_phrase_of_a_text_is_among_the_stored_terms_of_a_text_containing_it()
    {
        var stored = TextTerms.Of("舟山市定海区干斜岗社区3号楼旁路灯不亮，已有两周", "干斜岗路12弄").Split(' ');
        foreach (var search in new[] { "路灯", "干斜岗", "3号楼", "路灯不亮", "12弄", "已有两周" })
            Assert.All(TextTerms.Phrases(search, out _).SelectMany(p => p), term => Assert.Contains(term, stored));
    }
}
