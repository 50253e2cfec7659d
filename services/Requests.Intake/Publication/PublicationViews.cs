using System.Text.Json;
using System.Text.Json.Serialization;
using Requests.Domain.Publication;
using Requests.Intake.Bodies;

namespace Requests.Intake.Publication;

public sealed record FileView(Guid Id, string Name, long Size, string ContentType);

/// <summary>A register entry as staff edit it, or an answer as published; <see cref="History"/> for staff only.</summary>
public sealed record EntryView(Guid Id, int Version, string Kind, string BodyCode, string State, string? Category,
    string? TitleFr, string? TitleAr, string? SummaryFr, string? SummaryAr, DateOnly PublishedOn, string? Link, FileView? File,
    IReadOnlyList<FileView> Files, string? Subject, string? Question, string? Answer, string? Outcome, string? Ground,
    string UpdatedBy, DateTimeOffset UpdatedAt, string? WithdrawnReason, IReadOnlyList<HistoryView>? History)
{
    public static EntryView Of(PublishedItem p, IReadOnlyList<PublishedFile> files, IReadOnlyList<PublishedVersion>? history)
    {
        var current = files.Where(f => f.ItemId == p.Id && f.Current).Select(FileOf).ToList();
        return new EntryView(p.Id, p.Version, p.Kind, p.BodyCode, p.State, p.Category, p.TitleFr, p.TitleAr, p.SummaryFr,
            p.SummaryAr, p.Date, p.Link, current.FirstOrDefault(), current, p.Subject, p.Question, p.Answer, p.Outcome, p.Ground,
            p.UpdatedBy, new DateTimeOffset(p.UpdatedAt, TimeSpan.Zero), p.WithdrawnReason,
            history?.Where(h => h.ItemId == p.Id).OrderBy(h => h.Id).Select(HistoryView.Of).ToList());
    }

    public static FileView FileOf(PublishedFile f) => new(f.Id, f.Name, f.Size, f.ContentType);
}

/// <summary>One step of an item's history: what it was at that version, who did it, when, and why for a withdrawal.</summary>
public sealed record HistoryView(int Version, string Action, string By, DateTimeOffset At, string? Reason, JsonElement Content)
{
    public static HistoryView Of(PublishedVersion v) =>
        new(v.Version, v.Action, v.By, new DateTimeOffset(v.At, TimeSpan.Zero), v.Reason, JsonDocument.Parse(v.Content).RootElement);
}

/// <summary>One result of a public search: what identifies the item and enough to show it in a list.</summary>
public sealed record PublicItem(string Kind, Guid Id, string BodyCode, string? BodyNameFr, string? BodyNameAr, string Sector,
    string Title, string Summary, string? Category, string? CategoryLabelFr, string? CategoryLabelAr, string? Outcome, string? Ground,
    DateOnly Date, string? Snippet, string? TitleFr, string? TitleAr, string? SummaryFr, string? SummaryAr)
{
    public static PublicItem Of(PublishedItem p, BodyDirectory bodies, string? snippet = null)
    {
        var body = bodies.Find(p.BodyCode);
        var category = PublicationCategories.Find(p.Category);
        return new PublicItem(p.Kind, p.Id, p.BodyCode, body?.NameFr, body?.NameAr, p.Sector, p.Title, Shorten(p.Summary, 300),
            p.Category, category?.LabelFr, category?.LabelAr, p.Outcome, p.Ground, p.Date, snippet,
            p.TitleFr, p.TitleAr, p.SummaryFr is null ? null : Shorten(p.SummaryFr, 300), p.SummaryAr is null ? null : Shorten(p.SummaryAr, 300));
    }

    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var space = text.LastIndexOf(' ', length, length / 2);
        return text[..(space > 0 ? space : length)] + "…";
    }
}

/// <summary>A page of a search: <see cref="Total"/> is exact when <see cref="TotalExact"/>, else "more than" it.</summary>
public sealed record SearchPage(long Total, bool TotalExact, int Page, int PageSize, IReadOnlyList<PublicItem> Items);

public sealed record Suggestions(IReadOnlyList<PublicItem> Items);

public sealed record PublicBody(string Code, string NameFr, string NameAr, string Sector, string Region);

/// <summary>An item in full, as anyone reads it: a register entry's fields and file or link, or an answer and its files.</summary>
public sealed record PublicItemDetail(string Kind, Guid Id, int Version, PublicBody Body, string? Category, string? CategoryLabelFr,
    string? CategoryLabelAr, string? TitleFr, string? TitleAr, string? SummaryFr, string? SummaryAr, DateOnly? PublishedOn,
    string? Link, string? Subject, string? Question, string? Answer, string? Outcome, string? Ground, DateOnly? FiledOn,
    DateOnly? AnsweredOn, int? DelayWorkingDays, IReadOnlyList<FileView> Files);

/// <summary>A year's figures of a body, as the reporting service computes them (delays in working days).</summary>
public sealed record BodyFigures(int Year, long Received, long Answered, decimal? ResponseRate, decimal? AverageDelay,
    decimal? MedianDelay, decimal? InTimeRate, decimal? AverageCalendarDays, decimal? MedianCalendarDays);

public sealed record OfficerContact(string Name, string Email);

/// <summary>A body's public page: who it is, whom to write to, what it published, and its figures by year.</summary>
public sealed record PublicBodyPage(string Code, string NameFr, string NameAr, string Sector, string Region,
    IReadOnlyList<OfficerContact> Officers, IReadOnlyList<PublicItem> Register, IReadOnlyList<PublicItem> Answers,
    long AnswersTotal, IReadOnlyList<BodyFigures> Figures, bool FiguresAvailable);

public sealed record RegisterForm(string? Category, string? TitleFr, string? TitleAr, string? SummaryFr, string? SummaryAr,
    string? PublishedOn, string? Link);

public sealed record WithdrawForm(string? Reason);

public sealed record AnswerPublicationForm(string? Subject, string? Question, string? Answer, List<Guid>? Documents,
    bool? RedactionConfirmed);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RegisterForm))]
[JsonSerializable(typeof(WithdrawForm))]
[JsonSerializable(typeof(AnswerPublicationForm))]
internal sealed partial class PublicationJson : JsonSerializerContext;
