using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Requests.Intake.Publication;

/// <summary>
/// Published items of realistic shape: register entries (a title in French and Arabic, a summary of 40 to 80 words)
/// and answers (a subject, a question, an answer of 60 to 150 words), words drawn with a skew so that some are common.
/// </summary>
static class Generator
{
    private static readonly string[] French = ("budget commune marché public appel offres travaux route école hôpital santé eau électricité " +
        "assainissement déchets collecte transport autorisation permis construire urbanisme plan aménagement rapport annuel " +
        "statistiques emploi recrutement concours résultats subvention association culture sport jeunesse environnement forêt " +
        "agriculture irrigation barrage pêche port tourisme patrimoine archives état civil naissance mariage décès impôt taxe " +
        "recette dépense exécution programme projet convention partenariat contrat fournisseur entreprise prix délai contrôle " +
        "audit inspection cour comptes gestion personnel fonctionnaire salaire formation numérique portail service usager " +
        "réclamation accès information document dossier procédure conditions tarif redevance licence agrément logement social " +
        "bidonville relogement éclairage voirie stationnement marché couvert abattoir cimetière parc jardin bibliothèque").Split(' ');

    private static readonly string[] Arabic = ("الميزانية الجماعة الصفقات العمومية طلب العروض الأشغال الطريق المدرسة المستشفى الصحة الماء الكهرباء " +
        "التطهير النفايات النقل الرخصة البناء التعمير التصميم التهيئة التقرير السنوي الإحصائيات التشغيل التوظيف المباراة النتائج " +
        "المنحة الجمعية الثقافة الرياضة الشباب البيئة الغابة الفلاحة السقي السد الصيد الميناء السياحة التراث الأرشيف الحالة المدنية " +
        "الولادة الزواج الوفاة الضريبة الرسم المداخيل النفقات التنفيذ البرنامج المشروع الاتفاقية الشراكة العقد المقاولة الأثمان " +
        "الآجال المراقبة الافتداء المجلس الأعلى للحسابات التدبير الموظفين الأجور التكوين الرقمنة البوابة الخدمة المرتفق الشكاية " +
        "الحصول على المعلومات الوثيقة الملف المسطرة الشروط التعريفة السكن الاجتماعي الإنارة العمومية الطرق الحديقة المكتبة").Split(' ');

    private static readonly string[] Bodies = ["MEF", "COM-RABAT", "ONEE", "CNSS", "MJ", "COM-FES"];
    private static readonly string[] Categories = ["budget", "procurement", "services", "reports-statistics", "programmes", "notices"];
    private static readonly string[] Outcomes = ["granted", "partially-granted", "refused"];

    /// <summary>A word of the list, the first ones far more often (a rough Zipf law).</summary>
    private static string Word(Random random, string[] words) => words[(int)(words.Length * Math.Pow(random.NextDouble(), 2.2))];

    private static string Text(Random random, string[] words, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
            text.Append(i == 0 ? "" : " ").Append(Word(random, words));
        return text.ToString();
    }

    /// <summary>Queries as visitors type them: one to three words, French or Arabic, Arabic sometimes with a prefix or other letters.</summary>
    public static string[] Queries(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var arabic = random.Next(2) == 0;
            var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => arabic
                ? (random.Next(3) == 0 ? "و" : "") + Word(random, Arabic).Replace('ة', 'ه')
                : Word(random, French).Normalize(NormalizationForm.FormD).Where(c => c < 128).Aggregate("", (s, c) => s + c));
            return string.Join(' ', words);
        })];
    }

    public static async Task FillAsync(string database, int items)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        var random = new Random(7);
        var day0 = new DateOnly(2019, 1, 1).DayNumber;
        const int Batch = 5000;
        for (var start = 0; start < items; start += Batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var item = connection.CreateCommand();
            item.Transaction = transaction;
            item.CommandText = """
                INSERT INTO published_items (number, id, kind, body_code, sector, date, version, state, updated_by, updated_at,
                    category, title_fr, title_ar, summary_fr, summary_ar, subject, question, answer, outcome, filed_on, delay_working_days)
                VALUES ($n, $id, $kind, $body, 'ministry', $date, 1, 'published', 'bench', $at, $category, $tfr, $tar, $sfr, $sar,
                    $subject, $question, $answer, $outcome, $filed, $delay)
                """;
            var names = new[] { "$n", "$id", "$kind", "$body", "$date", "$at", "$category", "$tfr", "$tar", "$sfr", "$sar", "$subject", "$question", "$answer", "$outcome", "$filed", "$delay" };
            foreach (var name in names)
                item.Parameters.Add(new SqliteParameter(name, null));
            await using var index = connection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = "INSERT INTO publication_search (rowid, title, body) VALUES ($n, $t, $b)";
            index.Parameters.Add(new SqliteParameter("$n", null));
            index.Parameters.Add(new SqliteParameter("$t", null));
            index.Parameters.Add(new SqliteParameter("$b", null));
            for (var n = start + 1; n <= Math.Min(items, start + Batch); n++)
            {
                var p = new PublishedItem
                {
                    Number = n, Id = Guid.CreateVersion7(), Kind = random.Next(3) == 0 ? PublicationKinds.Register : PublicationKinds.Answer,
                    BodyCode = Bodies[random.Next(Bodies.Length)], Sector = "ministry", State = PublicationStates.Published, UpdatedBy = "bench",
                    Date = DateOnly.FromDayNumber(day0 + random.Next(8 * 365)),
                };
                var arabic = random.Next(2) == 0;
                var words = arabic ? Arabic : French;
                if (p.Kind == PublicationKinds.Register)
                {
                    p.Category = Categories[random.Next(Categories.Length)];
                    p.TitleFr = Text(random, French, 5, 10);
                    p.TitleAr = Text(random, Arabic, 4, 9);
                    p.SummaryFr = Text(random, French, 40, 80);
                    p.SummaryAr = random.Next(2) == 0 ? Text(random, Arabic, 30, 70) : null;
                }
                else
                {
                    p.Subject = Text(random, words, 4, 10);
                    p.Question = Text(random, words, 20, 60);
                    p.Answer = Text(random, words, 60, 150);
                    p.Outcome = Outcomes[random.Next(Outcomes.Length)];
                    p.FiledOn = p.Date.AddDays(-random.Next(5, 40));
                    p.DelayWorkingDays = random.Next(2, 30);
                }
                object?[] values = [p.Number, p.Id.ToString(), p.Kind, p.BodyCode, p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "2026-12-01 00:00:00", p.Category, p.TitleFr, p.TitleAr, p.SummaryFr, p.SummaryAr, p.Subject, p.Question, p.Answer,
                    p.Outcome, p.FiledOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.DelayWorkingDays];
                for (var i = 0; i < values.Length; i++)
                    item.Parameters[i].Value = values[i] ?? DBNull.Value;
                await item.ExecuteNonQueryAsync();
                var (title, body) = p.IndexedText;
                index.Parameters[0].Value = n;
                index.Parameters[1].Value = title;
                index.Parameters[2].Value = body;
                await index.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            if ((start / Batch) % 20 == 19)
                Console.WriteLine($"  {start + Batch:N0} items");
        }
        await using var optimize = connection.CreateCommand();
        optimize.CommandText = "INSERT INTO publication_search (publication_search) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);";
        await optimize.ExecuteNonQueryAsync();
    }
}
