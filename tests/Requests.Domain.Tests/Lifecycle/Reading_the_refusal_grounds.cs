using System.Text.RegularExpressions;
using Requests.Domain.Lifecycle;

namespace Requests.Domain.Tests.Lifecycle;

public sealed partial class Reading_the_refusal_grounds
{
    [Fact]
    public void Pins_the_codes_of_the_law() => Assert.Equal(
        ["not-held", "national-defence", "state-security", "private-life", "rights-and-freedoms",
            "protection-of-sources", "foreign-relations", "monetary-and-economic-policy", "intellectual-property",
            "victims-and-witnesses", "government-deliberations", "investigations", "judicial-proceedings",
            "free-competition", "already-published", "repeated-request", "unclear-request", "in-preparation",
            "deposited-with-archives"],
        RefusalGrounds.All.Select(g => g.Code));

    [Fact]
    public void Lists_each_ground_once_in_the_order_of_the_enum() =>
        Assert.Equal(Enum.GetValues<RefusalGround>(), RefusalGrounds.All.Select(g => g.Ground));

    [Fact]
    public void Counts_thirteen_article_7_exceptions() => // five outright, eight where disclosure would harm
        Assert.Equal(13, RefusalGrounds.All.Count(g => g.Article7));

    [Fact]
    public void Labels_each_ground_in_french_and_arabic() => Assert.All(RefusalGrounds.All, g =>
    {
        Assert.Matches(KebabCase(), g.Code);
        Assert.False(string.IsNullOrWhiteSpace(g.LabelFr));
        Assert.Matches(ArabicScript(), g.LabelAr);
        Assert.DoesNotMatch(LatinLetter(), g.LabelAr);
    });

    [Fact]
    public void Reads_back_every_code()
    {
        Assert.All(RefusalGrounds.All, g => Assert.Equal(g, RefusalGrounds.TryParse(g.Code, out var back) ? back : null));
        Assert.False(RefusalGrounds.TryParse("secret", out _));
        Assert.False(RefusalGrounds.TryParse(null, out _));
    }

    [Fact]
    public void Finds_the_text_of_a_ground() =>
        Assert.Equal("Défense nationale", RefusalGrounds.Of(RefusalGround.NationalDefence).LabelFr);

    [Fact]
    public void Refuses_a_ground_outside_the_enum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RefusalGrounds.Of((RefusalGround)99));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^[\u0600-\u06FF ]+$")]
    private static partial Regex ArabicScript();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();
}
