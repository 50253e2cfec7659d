using System.Globalization;
using System.Text;
using Requests.Intake.Publication;

/// <summary>One generated item: what the items' table holds and the normalised text the index holds.</summary>
sealed record Generated(PublishedItem Item, string Title, string Body);

/// <summary>
/// Published items and visitors' queries of realistic shape. Each language has a vocabulary of 6,000 words drawn with
/// Zipf frequencies (the n-th most common word n times rarer than the first): French from the words of the national
/// plan's texts (words.fr.txt, most frequent first, taken from ../shared/seeds) and their inflected forms, Arabic from
/// function words, the domain's words and generated root-and-pattern stems, written with their usual prefixes. Register
/// entries have a title of about 8 words and summaries of 50 to 300 words; answers a subject, a question of 20 to 80
/// words and an answer of 50 to 300. Items are numbered in the order of their dates, as they are published.
/// </summary>
sealed class Generator
{
    public const int Vocabulary = 6000;
    public static readonly string[] Bodies = ["MEF", "MSPS", "MENPS", "MI", "MTNRA", "CNSS", "ONEE", "ANCFCC", "COM-RABAT", "COM-CASA", "COM-FES", "COM-TANGER"];
    public static readonly DateOnly First = new(2019, 1, 1);
    public const int Years = 8;
    private static readonly string[] Categories = ["budget", "procurement", "services", "reports-statistics", "programmes", "notices"];
    private static readonly string[] Outcomes = ["granted", "partially-granted", "refused"];

    private static readonly string[] ArabicCommon = ("في من على إلى عن أن التي الذي هذا هذه مع أو كل بين حول ذلك تم لا قد بعد قبل عند خلال " +
        "حيث كما وفق إطار بشأن لدى غير عدد سنة").Split(' ');
    private static readonly string[] ArabicDomain = ("ميزانية جماعة صفقات عمومية طلب عروض أشغال طريق مدرسة مستشفى صحة ماء كهرباء تطهير نفايات نقل " +
        "رخصة بناء تعمير تصميم تهيئة تقرير سنوي إحصائيات تشغيل توظيف مباراة نتائج منحة جمعية ثقافة رياضة شباب بيئة غابة فلاحة سقي " +
        "سد صيد ميناء سياحة تراث أرشيف حالة مدنية ولادة زواج وفاة ضريبة رسم مداخيل نفقات تنفيذ برنامج مشروع اتفاقية شراكة عقد " +
        "مقاولة أثمان آجال مراقبة مجلس حسابات تدبير موظفين أجور تكوين رقمنة بوابة خدمة مرتفق شكاية معلومات وثيقة ملف مسطرة شروط " +
        "تعريفة سكن اجتماعي إنارة حديقة مكتبة وزارة مديرية جهة إقليم قانون مرسوم قرار").Split(' ');
    private static readonly string[] ArabicPrefixes = ["ال", "ال", "ال", "و", "وال", "بال", "لل", "ب"];

    public string[] French { get; }
    public string[] Arabic { get; }
    private readonly double[] _zipf;
    private readonly Dictionary<string, string> _normal = new(StringComparer.Ordinal);

    public Generator()
    {
        var seeds = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "words.fr.txt")).Where(w => w.Length > 0).ToList();
        var french = new List<string>(seeds);
        foreach (var suffix in new[] { "s", "e", "es", "ment", "ation", "eur", "ique", "age", "ité" })
            french.AddRange(seeds.Where(w => w.Length > 3 && !w.EndsWith(suffix, StringComparison.Ordinal)).Select(w => w + suffix));
        French = [.. french.Distinct().Take(Vocabulary)];

        var random = new Random(11);
        const string letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي";
        var patterns = new[] { "فعل", "فاعل", "مفعول", "تفعيل", "مفاعلة", "افتعال", "استفعال", "فعالة", "مفعل", "فعول", "فعيل", "تفاعل", "انفعال", "فعلة", "مفعلة" };
        var arabic = new List<string>(ArabicCommon.Concat(ArabicDomain));
        while (arabic.Count < Vocabulary * 2)
        {
            var root = new[] { letters[random.Next(letters.Length)], letters[random.Next(letters.Length)], letters[random.Next(letters.Length)] };
            arabic.Add(patterns[random.Next(patterns.Length)].Replace('ف', root[0]).Replace('ع', root[1]).Replace('ل', root[2]));
        }
        // the common words first, the domain's next, then the stems in a random order
        Arabic = [.. arabic.Distinct().Where(w => w.Length >= 3 || ArabicCommon.Contains(w)).Take(Vocabulary)];

        _zipf = new double[Vocabulary];
        var sum = 0.0;
        for (var i = 0; i < Vocabulary; i++)
            _zipf[i] = sum += 1.0 / (i + 1);
        for (var i = 0; i < Vocabulary; i++)
            _zipf[i] /= sum;
    }

    /// <summary>A rank drawn with Zipf frequencies: 0 is the most common word.</summary>
    public int Rank(Random random)
    {
        var i = Array.BinarySearch(_zipf, random.NextDouble());
        return Math.Min(Vocabulary - 1, i < 0 ? ~i : i);
    }

    /// <summary>How many of each language's words are common, mid-frequency or rare, by rank.</summary>
    public const int Common = 50, Rare = 2000;

    private string Normal(string word)
    {
        if (!_normal.TryGetValue(word, out var normal))
            _normal[word] = normal = SearchText.Normalize(word);
        return normal;
    }

    /// <summary>Words of one language as written (French with its accents, Arabic often with a prefix), and as indexed.</summary>
    private (string Text, string Normal) Text(Random random, bool arabic, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var (text, normal) = (new StringBuilder(count * 8), new StringBuilder(count * 8));
        for (var i = 0; i < count; i++)
        {
            var rank = Rank(random);
            var word = arabic ? Arabic[rank] : French[rank];
            if (arabic && rank >= ArabicCommon.Length && random.Next(2) == 0)
                word = ArabicPrefixes[random.Next(ArabicPrefixes.Length)] + word;
            if (i > 0) { text.Append(' '); normal.Append(' '); }
            text.Append(word);
            normal.Append(Normal(word));
            if (random.Next(12) == 0 && i < count - 1)
                text.Append(arabic ? '،' : ',');
        }
        return (text.Append('.').ToString(), normal.ToString());
    }

    /// <summary>Item <paramref name="number"/> of <paramref name="items"/>; the same number always gives the same item.</summary>
    public Generated Item(long number, long items)
    {
        var random = new Random((int)number * 7919);
        var day = First.DayNumber + (int)((number - 1) * (Years * 365L) / items);
        var p = new PublishedItem
        {
            Number = number, Id = new Guid((int)number, 0, 0, new byte[8]), BodyCode = Bodies[random.Next(Bodies.Length)], Sector = "ministry",
            Kind = random.Next(3) == 0 ? PublicationKinds.Register : PublicationKinds.Answer, State = PublicationStates.Published,
            UpdatedBy = "bench", Date = DateOnly.FromDayNumber(day), Version = 1,
        };
        p.Sector = p.BodyCode.StartsWith("COM-", StringComparison.Ordinal) ? "territorial-collectivity"
            : p.BodyCode is "CNSS" or "ONEE" or "ANCFCC" ? "public-establishment" : "ministry";
        if (p.Kind == PublicationKinds.Register)
        {
            p.Category = Categories[random.Next(Categories.Length)];
            var (titleFr, tFr) = Text(random, false, 6, 10);
            var (titleAr, tAr) = Text(random, true, 6, 10);
            var (summaryFr, sFr) = Text(random, false, 50, 300);
            var (summaryAr, sAr) = random.Next(2) == 0 ? Text(random, true, 50, 300) : (null, "");
            (p.TitleFr, p.TitleAr, p.SummaryFr, p.SummaryAr) = (titleFr, titleAr, summaryFr, summaryAr);
            return new Generated(p, $"{tFr} {tAr}", summaryAr is null ? sFr : $"{sFr} {sAr}");
        }
        var arabic = random.Next(2) == 0;
        var (subject, s) = Text(random, arabic, 6, 10);
        var (question, q) = Text(random, arabic, 20, 80);
        var (answer, a) = Text(random, arabic, 50, 300);
        (p.Subject, p.Question, p.Answer) = (subject, question, answer);
        p.Outcome = Outcomes[random.Next(Outcomes.Length)];
        p.FiledOn = p.Date.AddDays(-random.Next(5, 40));
        p.DelayWorkingDays = random.Next(2, 30);
        return new Generated(p, s, $"{q} {a}");
    }

    /// <summary>
    /// Searches as visitors make them, as query strings: one in ten browses by body and/or year without words; the others
    /// type one to three words of one language, mostly mid-frequency, some rare, some very common; French often without
    /// accents or in capitals, Arabic sometimes with a prefix or other letter variants; one in ten adds a filter.
    /// </summary>
    public string[] Queries(int count, int seed)
    {
        var random = new Random(seed);
        string Filter() => random.Next(3) switch
        {
            0 => $"body={Bodies[random.Next(Bodies.Length)]}",
            1 => $"year={First.Year + random.Next(Years)}",
            _ => $"body={Bodies[random.Next(Bodies.Length)]}&year={First.Year + random.Next(Years)}",
        };
        string Word(bool arabic)
        {
            var pick = random.Next(100);
            var rank = pick < 15 ? random.Next(Common) : pick < 85 ? random.Next(Common, Rare) : random.Next(Rare, Vocabulary);
            if (arabic)
            {
                var word = Arabic[rank];
                if (random.Next(3) == 0) word = ArabicPrefixes[random.Next(ArabicPrefixes.Length)] + word;
                if (random.Next(3) == 0) word = word.Replace('ة', 'ه').Replace('أ', 'ا').Replace('إ', 'ا').Replace('ى', 'ي');
                return word;
            }
            var french = French[rank];
            if (random.Next(2) == 0) french = new string([.. french.Normalize(NormalizationForm.FormD).Where(c => c < 128)]);
            return random.Next(10) == 0 ? french.ToUpperInvariant() : french;
        }
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            if (random.Next(10) == 0)
                return Filter();
            var arabic = random.Next(2) == 0;
            var words = random.Next(100) switch { < 50 => 1, < 85 => 2, _ => 3 };
            var q = "q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(arabic))));
            return random.Next(10) == 0 ? $"{q}&{Filter()}" : q;
        })];
    }

    /// <summary>The parts of a query string the raw queries use: its words and its filters.</summary>
    public static (string? Q, string? Body, int? Year) Parse(string query)
    {
        var parts = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return (parts.GetValueOrDefault("q"), parts.GetValueOrDefault("body"),
            parts.TryGetValue("year", out var year) ? int.Parse(year, CultureInfo.InvariantCulture) : null);
    }
}
