using Lianjian.Web.Platform.Persistence;
using Lianjian.Web.Platform.Results;

namespace Lianjian.UnitTests.Platform;

public class PersonalDataTests
{
    [Theory]
    [InlineData("13857201234", "138****1234")]
    [InlineData("0580-2281234", "058****1234")]
    [InlineData(null, null)]
    [InlineData("", "")]
    public void MaskPhone(string? phone, string? expected) => Assert.Equal(expected, PersonalData.MaskPhone(phone));

    [Fact]
    public void MaskIdNumber_KeepsFirstThreeAndLastFour() =>
        Assert.Equal("330***********123X", PersonalData.MaskIdNumber("33090219900101123X"));

    [Theory]
    [InlineData("13857201234", true)]
    [InlineData("0580-2281234", true)]
    [InlineData("12345", false)]
    [InlineData("1385720123a", false)]
    public void IsPhone(string value, bool expected) => Assert.Equal(expected, PersonalData.IsPhone(value));

    [Fact]
    public void PathUpperBound_IsJustAboveEveryDescendant()
    {
        const string prefix = "/0a/1b/";
        var high = PathPredicate.UpperBound(prefix);
        Assert.True(string.CompareOrdinal("/0a/1b/ff/", high) < 0);
        Assert.True(string.CompareOrdinal("/0a/1b/", high) < 0);
        Assert.True(string.CompareOrdinal("/0a/1c/", high) >= 0);
        Assert.True(string.CompareOrdinal("/0a/1b0/", prefix) >= 0 && string.CompareOrdinal("/0a/1b0/", high) >= 0);
    }
}
