using System.Text;

namespace Requests.Reporting.Tests;

/// <summary>Historical CSV files for the tests, one line per case, with the import's header.</summary>
public static class HistoricalFile
{
    public const string Header =
        "case_id,regime,kind,body_code,body_name,sector,region,channel,theme,urgent,received_on,due_on,answered_on,outcome,refusal_ground,extended";

    public const string Mef = "MEF,Ministère de l'Économie et des Finances,ministry,Rabat-Salé-Kénitra";
    public const string Justice = "MJ,Ministère de la Justice,ministry,Rabat-Salé-Kénitra";
    public const string Onee = "ONEE,Office national de l'électricité et de l'eau potable,public-establishment,Casablanca-Settat";
    public const string Fes = "CFES,Commune de Fès,territorial-collectivity,Fès-Meknès";

    public static string Of(params string[] lines) => new StringBuilder(Header).Append('\n').AppendJoin('\n', lines).Append('\n').ToString();

    /// <summary>
    /// Nine cases of 2025 and one of 2024, each figure of <see cref="Computing_the_national_synthesis_by_hand"/> counted from them.
    /// Delays in calendar days (working days): C1 10 (7), C2 45 (33), C3 60 (41), C4 21 (14), C5 63 (42), C7 7 (5), C9 7 (5).
    /// </summary>
    public static readonly string Year2025 = Of(
        // answered in time (due 17 February)
        $"C1,information,request,{Mef},portal,,false,2025-01-06,2025-02-17,2025-01-16,granted,,false",
        // refused 3 days after its due date
        $"C2,information,request,{Mef},email,,false,2025-02-03,2025-03-17,2025-03-20,refused,national-defence,false",
        // extended: the due date moved to 26 May, answered on 2 May, in time
        $"C3,information,request,{Mef},post,,false,2025-03-03,2025-05-26,2025-05-02,partially-granted,,true",
        $"C4,complaint,complaint,{Onee},counter,water,false,2025-06-02,2025-07-14,2025-06-23,founded,,false",
        // answered after the year's end and after its due date
        $"C5,complaint,complaint,{Onee},phone,billing,true,2025-11-03,2025-12-15,2026-01-05,unfounded,,false",
        // open, overdue on 1 March 2026
        $"C6,information,request,{Mef},portal,,false,2025-12-01,2026-01-12,,,,false",
        // redirected to the competent body: a final answer here
        $"C7,information,request,{Onee},portal,,false,2025-04-01,2025-05-13,2025-04-08,redirected,,false",
        // open, not yet due
        $"C8,complaint,suggestion,{Fes},portal,,false,2025-12-20,2026-03-31,,,,false",
        $"C9,information,request,{Justice},email,,false,2025-05-05,2025-06-16,2025-05-12,granted,,false",
        // the year before: 1 received, 1 answered in 10 days
        $"P1,information,request,{Mef},portal,,false,2024-03-04,2024-04-15,2024-03-14,granted,,false");
}
