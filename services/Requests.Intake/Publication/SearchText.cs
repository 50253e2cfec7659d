using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Requests.Intake.Publication;

/// <summary>
/// The one normalisation applied to what is indexed and to what is searched, so that both meet: words in lower case
/// without accents; in Arabic, letter variants folded (أ إ آ ٱ → ا, ة → ه, ى → ي, ؤ → و, ئ → ي), diacritics and
/// tatweel removed, and the usual prefixes (ال، و، ب، ل، ف، ك and their combinations) stripped from each word.
/// </summary>
public static class SearchText
{
    // longest first; each stripped only while the rest keeps enough letters to be a word
    private static readonly string[] Prefixes = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"];

    /// <summary>The words of <paramref name="text"/>, normalised.</summary>
    public static List<string> Words(string? text) => [.. Located(text).Select(w => w.Word)];

    /// <summary>
    /// The words a search looks for: those of <paramref name="q"/> without the function words (<see cref="StopWords"/>),
    /// which nearly every text holds, so that requiring them finds the same items at many times the cost; all of them
    /// when the search has no other word.
    /// </summary>
    public static List<string> QueryWords(string? q)
    {
        var words = Words(q);
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        return meaningful.Count > 0 ? meaningful : words;
    }

    /// <summary>
    /// The words of <paramref name="text"/>, normalised, each with where it is in the text (from Start to End), one after
    /// the other as they are read: a reader that has found what it wanted stops reading the rest.
    /// </summary>
    public static IEnumerable<(string Word, int Start, int End)> Located(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var word = new StringBuilder();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var letters = LettersOf(text[i]);
            if (ReferenceEquals(letters, Separator))
            {
                if (word.Length > 0)
                {
                    yield return (Stem(word.ToString()), start, i);
                    word.Clear();
                }
                continue;
            }
            if (letters.Length == 0)
                continue; // an accent, a haraka, tatweel
            if (word.Length == 0)
                start = i;
            word.Append(letters);
        }
        if (word.Length > 0)
            yield return (Stem(word.ToString()), start, text.Length);
    }

    // what each character adds to a word, worked out once: its letters folded, without the marks it decomposes into
    // ("" for a mark alone), or Separator
    private static readonly string Separator = new(' ', 1);
    private static readonly string?[] Letters = new string?[char.MaxValue + 1];

    private static string LettersOf(char c) => Letters[c] ??= Decompose(c);

    private static string Decompose(char c)
    {
        var letters = new StringBuilder();
        // each character decomposed on its own (the marks it leaves are dropped, so their order does not matter)
        foreach (var d in char.IsSurrogate(c) ? c.ToString() : c.ToString().Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || d == '\u0640')
                continue; // accents, harakat, hamza above or below (أ = ا + ٔ), superscript alef, tatweel
            if (!char.IsLetterOrDigit(d))
                return Separator;
            letters.Append(Fold(d));
        }
        return letters.ToString();
    }

    /// <summary>The normalised words of <paramref name="text"/>, one space between them: what the index holds.</summary>
    public static string Normalize(string? text) => string.Join(' ', Words(text));

    private static char Fold(char c) => c switch
    {
        'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        _ => char.ToLowerInvariant(c),
    };

    private static string Stem(string word)
    {
        if (!IsArabic(word[0]))
            return word;
        // a conjunction, then an article or a preposition (وبال: و then بال), then what a word starting with one kept (الوزارة: ال then و)
        for (var pass = 0; pass < 3; pass++)
        {
            var prefix = Array.Find(Prefixes, p => word.StartsWith(p, StringComparison.Ordinal)
                && word.Length - p.Length >= (p.Length == 1 ? 3 : 2));
            if (prefix is null)
                break;
            word = word[prefix.Length..];
        }
        return word;
    }

    private static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    // after the tables Words reads: static fields are set in the order they are written
    /// <summary>French and Arabic function words (articles, prepositions, conjunctions, pronouns), normalised.</summary>
    public static readonly FrozenSet<string> StopWords = Words(
        "a à ai au aux avec c ce ces cet cette d dans de des du elle elles en est et été être eux il ils j je l la le les " +
        "leur leurs lui m ma mais me mes moi mon n ne ni nos notre nous on ont ou où par pas pour qu que qui s sa se ses si " +
        "son sont sur t ta te tes toi ton tu un une vos votre vous y " +
        "في من على إلى عن أن إن التي الذي الذين هذا هذه هذان ذلك تلك هناك مع أو كل بين حول تم لا لم لن ما قد بعد قبل عند " +
        "خلال حيث كما لدى غير هو هي هم نحن أنا كان كانت يكون ثم أي إذا منذ حتى عليه عليها فيه فيها منه منها به بها له لها").ToFrozenSet(StringComparer.Ordinal);
}
