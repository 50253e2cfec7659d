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

    [Theory]
    // the function words go when other words are given: nearly every text holds them
    [InlineData("la commune de Rabat", new[] { "commune", "rabat" })]
    [InlineData("في الميزانية", new[] { "ميزانيه" })]
    [InlineData("Budget pour l'état civil", new[] { "budget", "etat", "civil" })]
    // a search of function words only keeps them all
    [InlineData("de la", new[] { "de", "la" })]
    [InlineData("في", new[] { "في" })]
    public void Looks_for_the_words_that_tell_texts_apart(string q, string[] words)
    {
        Assert.Equal(words, SearchText.QueryWords(q));
    }

    [Theory]
    // a word being typed matches as a beginning from its third letter; before, as the whole word
    [InlineData("rapport bu", "{title body} : (\"rapport\" \"bu\")")]
    [InlineData("rapport bud", "{title body} : (\"rapport\" \"bud\"*)")]
    public void Matches_a_word_being_typed_as_a_beginning_from_three_letters(string q, string match)
    {
        var sql = PublicationIndex.Statements(sqlite: true, new SearchQuery(q, Prefix: true))!;

        Assert.Equal(match, sql.Matches.Values[0]);
        Assert.Equal(match.Replace("{title body}", "{title}", StringComparison.Ordinal), sql.Titles.Values[0]);
    }

    // w1 … w30: the snippet is 8 words before the first word found and 13 after, "…" where the text goes on
    [Theory]
    // the match at the start: nothing before it, the text goes on after the 13th word
    [InlineData("marche", "marché w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16", "marché w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 …")]
    // in the middle: 8 words before, 13 after, both cut
    [InlineData("marche", "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 marché w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26",
        "… w3 w4 w5 w6 w7 w8 w9 w10 marché w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 …")]
    // exactly 8 before and 13 after: nothing cut
    [InlineData("marche", "w1 w2 w3 w4 w5 w6 w7 w8 marché w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22",
        "w1 w2 w3 w4 w5 w6 w7 w8 marché w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21 w22")]
    // only the first match counts; the snippet keeps the text's own spelling and punctuation
    [InlineData("الميزانية", "تقرير عن ميزانية الجماعة، والميزانية المعدلة.", "تقرير عن ميزانية الجماعة، والميزانية المعدلة")]
    // a word of four letters or more is found as a word's beginning
    [InlineData("budg", "le budgétaire", "le budgétaire")]
    public void Shows_the_words_around_the_first_found(string q, string answer, string snippet)
    {
        Assert.Equal(snippet, PublicSearch.Snippet(Answer("", answer), q, prefix: false));
    }

    [Fact]
    public void Shows_no_snippet_when_the_words_are_not_in_the_text()
    {
        var item = Answer("Une question", "Une réponse.");

        Assert.Null(PublicSearch.Snippet(item, "budget", prefix: false));
        Assert.Null(PublicSearch.Snippet(item, "  ", prefix: false));
    }

    private static PublishedItem Answer(string question, string answer) => new()
    {
        Kind = PublicationKinds.Answer, BodyCode = "MEF", Sector = "ministry", State = PublicationStates.Published,
        UpdatedBy = "officer", Question = question, Answer = answer,
    };
}
