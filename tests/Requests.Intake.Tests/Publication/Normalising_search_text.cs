using Requests.Intake.Publication;

namespace Requests.Intake.Tests.Publication;

// What is indexed and what is searched go through the same normalisation: a search finds a text when every word of
// the search is among the text's words.
public sealed class Normalising_search_text
{
    [Theory]
    // the article ال stripped from the text's word
    [InlineData("المعلومات", "معلومات")]
    // و then ال stripped from the search's word
    [InlineData("المعلومات", "والمعلومات")]
    // بال and لل, prepositions fused with the article
    [InlineData("بالمعلومات", "للمعلومات")]
    // إ is ا with a hamza below, ة is read as ه
    [InlineData("إدارة", "اداره")]
    // أ and آ fold to ا
    [InlineData("أرشيف آمن", "ارشيف امن")]
    // ٱ (alef wasla) folds to ا
    [InlineData("ٱلمعلومات", "المعلومات")]
    // the article and ة → ه
    [InlineData("الميزانية", "ميزانيه")]
    // ى is read as ي
    [InlineData("مستشفى", "مستشفي")]
    // ؤ → و and ئ → ي
    [InlineData("مسؤول الهيئة", "مسوول الهييه")]
    // harakat and tatweel are not letters
    [InlineData("المَعْلُومَات", "معلومات")]
    [InlineData("الميـــزانية", "الميزانية")]
    // a word starting with و keeps matching under the article: الوثيقة is ال + وثيقة
    [InlineData("الوثيقة", "وثيقة")]
    // French: case and accents
    [InlineData("Marché publics", "marche")]
    [InlineData("ÉTAT CIVIL", "etat civil")]
    [InlineData("Budget exécuté", "BUDGET EXECUTE")]
    // Arabic-Indic digits are digits
    [InlineData("ميزانية ٢٠٢٦", "2026")]
    public void Finds_a_text_by_another_spelling(string text, string search)
    {
        var words = SearchText.Words(text);

        Assert.All(SearchText.Words(search), w => Assert.Contains(w, words));
    }

    [Theory]
    // a short word keeps its first letter: بلد is not ب + لد
    [InlineData("بلد", "لد")]
    // different words stay different
    [InlineData("الميزانية", "المعلومات")]
    [InlineData("marché", "marchés publics")]
    public void Does_not_find_a_text_by_a_different_word(string text, string search)
    {
        var words = SearchText.Words(text);

        Assert.Contains(SearchText.Words(search), w => !words.Contains(w));
    }

    [Fact]
    public void Splits_at_punctuation_and_keeps_nothing_else()
    {
        Assert.Equal(["budget", "2026", "ميزانيه"], SearchText.Words("« Budget-2026 » : الميزانية !"));
        Assert.Empty(SearchText.Words(" \"*\" ( - : "));
    }
}
