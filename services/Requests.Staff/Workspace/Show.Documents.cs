using System.Globalization;

namespace Requests.Staff.Workspace;

/// <summary>The words of a case's documents: their step, type and size, and why intake refused a file.</summary>
public static partial class Show
{
    public static string DocumentStep(string? step) => Pick(step switch
    {
        "filing" => ("Pièces de la réclamation", "مرفقات الشكاية"),
        "scan" => ("Copie numérisée du dépôt", "النسخة الممسوحة من الطلب المودع"),
        "clarification-request" => ("Demande de précision", "طلب التوضيح"),
        "clarification-answer" => ("Précision du demandeur", "توضيح صاحب الطلب"),
        "recourse" => ("Recours du demandeur", "شكاية صاحب الطلب"),
        "answer" => ("Réponse", "الرد"),
        "recourse-answer" => ("Réponse au recours", "الرد على الشكاية"),
        null => ("Brouillons non envoyés", "مسودات لم ترسل"),
        _ => (step, step),
    });

    /// <summary>The type by its usual name: PDF, PNG, Word...</summary>
    public static string DocumentType(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        "text/csv" => "CSV",
        "text/plain" => Pick(("Texte", "نص")),
        _ when contentType.Contains("word", StringComparison.Ordinal) || contentType.Contains(".text", StringComparison.Ordinal) => "Word",
        _ when contentType.Contains("sheet", StringComparison.Ordinal) || contentType.Contains("excel", StringComparison.Ordinal) => "Excel",
        _ when contentType.Contains("presentation", StringComparison.Ordinal) || contentType.Contains("powerpoint", StringComparison.Ordinal) => "PowerPoint",
        _ => contentType,
    };

    /// <summary>A size in bytes, KB or MB (one decimal), Western digits.</summary>
    public static string Size(long bytes)
    {
        var culture = CultureInfo.GetCultureInfo("fr-MA");
        return bytes switch
        {
            < 1024 => $"{bytes.ToString("N0", culture)} {Pick(("octets", "بايت"))}",
            < 1024 * 1024 => $"{(bytes / 1024.0).ToString("0.#", culture)} {Pick(("Ko", "ك.ب"))}",
            _ => $"{(bytes / (1024.0 * 1024)).ToString("0.#", culture)} {Pick(("Mo", "م.ب"))}",
        };
    }

    /// <summary>Intake's refusal of a file (<c>413</c>, <c>415</c>, <c>422</c>), naming it.</summary>
    public static string FileRefused(int status, string name) => string.Format(CultureInfo.InvariantCulture, Pick(status switch
    {
        413 => ("Le fichier « {0} » est trop volumineux (ou les documents du dossier dépassent la limite) : rien n'a été enregistré.",
            "الملف «{0}» كبير جدا (أو تتجاوز وثائق الملف الحد المسموح به): لم يسجل أي شيء."),
        415 => ("Le fichier « {0} » n'est pas d'un type accepté (PDF, PNG, JPEG, bureautique, CSV ou texte), quel que soit son nom : rien n'a été enregistré.",
            "الملف «{0}» ليس من نوع مقبول (PDF أو PNG أو JPEG أو مكتبي أو CSV أو نص)، كيفما كان اسمه: لم يسجل أي شيء."),
        _ => ("Le fichier « {0} » est refusé (vide, ou nom non valide) : rien n'a été enregistré.",
            "تم رفض الملف «{0}» (فارغ أو اسمه غير صالح): لم يسجل أي شيء."),
    }), name);
}
