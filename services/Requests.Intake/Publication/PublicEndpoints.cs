using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Publication;
using Requests.Intake.Bodies;
using Requests.Intake.Documents;
using Requests.Intake.Storage;

namespace Requests.Intake.Publication;

/// <summary>
/// What bodies published, open to everyone without signing in: the search (JSON, and CSV for re-use), each item in
/// full, its files, each body's page with its figures, and suggestions while a citizen types a request's subject.
/// Nothing of any requester is ever here: an answer carries only what the officer published after redaction.
/// </summary>
public static class PublicEndpoints
{
    public const string RateLimitPolicy = "public";

    public static IEndpointRouteBuilder MapPublicPublication(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/public").RequireRateLimiting(RateLimitPolicy);
        open.MapGet("/search", async (HttpContext http, PublicSearch search) =>
                Query(http.Request.Query, out var errors) is { } query
                    ? Results.Ok(await search.PageAsync(query, http.RequestAborted))
                    : Invalid(errors))
            .WithSummary("Search what bodies published: q (words, French or Arabic), kind (register|answer), body, sector, category, year, outcome, page, pageSize; total is exact up to 1000 (totalExact), beyond that the latest first.");
        open.MapGet("/search.csv", CsvAsync)
            .WithSummary($"The same search as CSV (open data): without q every published item of the filters, with q its first {PublicationIndex.CountLimit} results.");
        open.MapGet("/items/{kind}/{id:guid}", ItemAsync)
            .WithSummary("A published item in full: a register entry with its file or link, or an answer with its dates, delay and files.");
        open.MapGet("/files/{id:guid}", FileAsync)
            .WithSummary("A published file, always as an attachment, with its checked content type.");
        open.MapGet("/bodies/{bodyCode}", BodyAsync)
            .WithSummary("A body's public page: names, sector, officers' contact, register, published answers, figures by year.");
        open.MapGet("/bodies/{bodyCode}/figures", FiguresAsync)
            .WithSummary("A body's figures (received, answered, response rate, average and median delay in working days, in-time rate) from reporting; ?year=&asOf=.");
        open.MapGet("/suggest", async (string? q, string? body, PublicSearch search, CancellationToken cancellationToken) =>
                SearchText.Words(q).Count == 0 || q!.Length > 200
                    ? Results.Ok(new Suggestions([]))
                    : Results.Ok(new Suggestions((await search.PageAsync(new SearchQuery(q, Body: body, PageSize: 5, Prefix: true), cancellationToken)).Items)))
            .WithSummary("Up to 5 published answers and register entries that match a subject being typed (the last word as a beginning).");
        return app;
    }

    /// <summary>The query's filters, or null and why not.</summary>
    public static SearchQuery? Query(IQueryCollection query, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        errors = found;
        string? Text(string name, int max)
        {
            var value = query[name].ToString().Trim();
            if (value.Length > max) found[name] = [$"At most {max} characters."];
            return value.Length == 0 ? null : value;
        }
        int? Number(string name, int min, int max)
        {
            var value = query[name].ToString();
            if (value.Length == 0) return null;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
            found[name] = [$"A whole number from {min} to {max}."];
            return null;
        }
        var q = Text("q", 200);
        var kind = Text("kind", 20);
        if (kind is not (null or PublicationKinds.Register or PublicationKinds.Answer)) found["kind"] = ["register or answer."];
        var category = Text("category", 50);
        if (category is not null && PublicationCategories.Find(category) is null) found["category"] = ["One of GET /api/publication/categories."];
        var result = new SearchQuery(q, kind, Text("body", 32), Text("sector", 50), category, Number("year", 1990, 2100),
            Text("outcome", 50), Number("page", 1, 10_000) ?? 1, Number("pageSize", 1, 100) ?? 20);
        return found.Count == 0 ? result : null;
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, statusCode: 400, title: "Some filters are invalid.");

    private static async Task<IResult> CsvAsync(HttpContext http, PublicSearch search, BodyDirectory bodies)
    {
        if (Query(http.Request.Query, out var errors) is not { } query)
            return Invalid(errors);
        var csv = new StringBuilder(OpenDataCsv.Header).Append('\n');
        void Add(PublishedItem p) => OpenDataCsv.Line(csv, p, bodies.Find(p.BodyCode)?.NameFr, bodies.Find(p.BodyCode)?.NameAr);
        if (SearchText.Words(query.Q).Count == 0)
        {
            await foreach (var p in search.AllAsync(query).WithCancellation(http.RequestAborted))
                Add(p);
        }
        else
            (await search.FindAsync(query with { Page = 1, PageSize = PublicationIndex.CountLimit }, http.RequestAborted)).Items.ForEach(Add);
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "publication.csv");
    }

    private static async Task<IResult> ItemAsync(string kind, Guid id, IntakeDbContext db, BodyDirectory bodies, CancellationToken cancellationToken)
    {
        var p = await db.PublishedItems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Kind == kind
            && p.State == PublicationStates.Published, cancellationToken);
        if (p is null)
            return Results.Problem(statusCode: 404, title: "Nothing is published under this address.");
        var files = await db.PublishedFiles.AsNoTracking().Where(f => f.ItemId == id && f.Current).OrderBy(f => f.Name)
            .Select(f => new FileView(f.Id, f.Name, f.Size, f.ContentType)).ToListAsync(cancellationToken);
        var body = bodies.Find(p.BodyCode);
        var category = PublicationCategories.Find(p.Category);
        var answer = p.Kind == PublicationKinds.Answer;
        return Results.Ok(new PublicItemDetail(p.Kind, p.Id, p.Version,
            new PublicBody(p.BodyCode, body?.NameFr ?? p.BodyCode, body?.NameAr ?? p.BodyCode, p.Sector, body?.Region ?? ""),
            p.Category, category?.LabelFr, category?.LabelAr, p.TitleFr, p.TitleAr, p.SummaryFr, p.SummaryAr,
            answer ? null : p.Date, p.Link, p.Subject, p.Question, p.Answer, p.Outcome, p.Ground, p.FiledOn, answer ? p.Date : null,
            p.DelayWorkingDays, files));
    }

    private static async Task<IResult> FileAsync(Guid id, HttpContext http, IntakeDbContext db, IDocumentStore store)
    {
        var cancellationToken = http.RequestAborted;
        var file = await db.PublishedFiles.AsNoTracking().Where(f => f.Id == id && f.Current
                && db.PublishedItems.Any(p => p.Id == f.ItemId && p.State == PublicationStates.Published))
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
            return Results.Problem(statusCode: 404, title: "No such published file.");
        await using var content = await store.OpenReadAsync(file.StoreId, cancellationToken);
        return await FileResponses.SendAsync(http.Response, content, file.ContentType, file.Size, file.Name, file.Sha256,
            "public, max-age=300", cancellationToken);
    }

    private static async Task<IResult> BodyAsync(string bodyCode, IntakeDbContext db, BodyDirectory bodies, ReportingFigures figures,
        CancellationToken cancellationToken)
    {
        if (bodies.Find(bodyCode) is not { } body)
            return Results.Problem(statusCode: 404, title: $"No body '{bodyCode}'.");
        var published = db.PublishedItems.AsNoTracking().Where(p => p.BodyCode == body.Code && p.State == PublicationStates.Published);
        var register = await published.Where(p => p.Kind == PublicationKinds.Register).OrderBy(p => p.Category)
            .ThenByDescending(p => p.Date).Take(500).ToListAsync(cancellationToken);
        var answers = published.Where(p => p.Kind == PublicationKinds.Answer);
        var latest = await answers.OrderByDescending(p => p.Date).ThenByDescending(p => p.Number).Take(50).ToListAsync(cancellationToken);
        var (years, _) = await figures.GetAsync(body.Code, null, null, cancellationToken);
        return Results.Ok(new PublicBodyPage(body.Code, body.NameFr, body.NameAr, body.Sector, body.Region, bodies.OfficersOf(body.Code),
            [.. register.Select(p => PublicItem.Of(p, bodies))], [.. latest.Select(p => PublicItem.Of(p, bodies))],
            await answers.LongCountAsync(cancellationToken), years?.Figures ?? [], years is not null));
    }

    private static async Task<IResult> FiguresAsync(string bodyCode, string? year, string? asOf, BodyDirectory bodies,
        ReportingFigures figures, CancellationToken cancellationToken)
    {
        if (bodies.Find(bodyCode) is not { } body)
            return Results.Problem(statusCode: 404, title: $"No body '{bodyCode}'.");
        var errors = new Dictionary<string, string[]>();
        int? y = null;
        DateOnly? d = null;
        if (year is not null)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1990 and <= 2100) y = n;
            else errors["year"] = ["A year from 1990 to 2100."];
        }
        if (asOf is not null)
        {
            if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) d = day;
            else errors["asOf"] = ["A date YYYY-MM-DD."];
        }
        if (errors.Count > 0)
            return Invalid(errors);
        var (answer, status) = await figures.GetAsync(body.Code, y, d, cancellationToken);
        return answer is not null ? Results.Ok(answer)
            : Results.Problem(statusCode: status == 404 ? 404 : 503, title: "The figures cannot be read now; try again later.");
    }
}
