using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Requests.Domain.Calendar;
using Requests.Domain.Deadlines;
using Requests.Domain.Lifecycle;
using Requests.Notifications.Delivery;
using Requests.Notifications.Email;
using Requests.Notifications.Templates;
using Requests.Notifications.Templates.Citizen;
using Requests.Notifications.Templates.Staff;
using Requests.Notifications.Tests.Infrastructure;
using Requests.Testing;

namespace Requests.Notifications.Tests.Smtp;

[Collection(OnTheSmtpServer.Name)]
public sealed class Sending_a_case_s_notices_through_SMTP : IDisposable
{
    private static readonly BodyName Mef = new("Ministère de l'Économie et des Finances", "وزارة الاقتصاد والمالية");
    private const string Portal = "https://requests.example.ma/suivi";
    private readonly TempDatabase _database = new();
    private readonly Maildev _maildev = new();

    public void Dispose()
    {
        _maildev.Dispose();
        _database.Dispose();
    }

    [Theory]
    [InlineData("fr", "mercredi 2 décembre 2026", "mercredi 30 décembre 2026", "vendredi 22 janvier 2027", "mercredi 27 janvier 2027")]
    [InlineData("ar", "الأربعاء 2 دجنبر 2026", "الأربعاء 30 دجنبر 2026", "الجمعة 22 يناير 2027", "الأربعاء 27 يناير 2027")]
    public async Task Tells_the_citizen_of_the_receipt_the_extension_and_the_refusal_and_the_head_of_the_recourse(
        string code, string dueText, string extendedText, string recourseText, string headDueText)
    {
        var language = Languages.Parse(code);
        var (rules, calendar) = (RuleBook.Current, HolidayCalendar.Morocco);
        var caseId = Guid.NewGuid();
        var receivedOn = new DateOnly(2026, 11, 2);   // a Monday: day zero
        var dueOn = LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, receivedOn), rules, calendar);
        // 20 working days: 6 November (Green March) and 18 November (Independence Day) are off
        Assert.Equal(new DateOnly(2026, 12, 2), dueOn);
        var extendedTo = LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.Answer, receivedOn, Extended: true), rules, calendar);
        // 20 more working days from the first due date; December has no holiday
        Assert.Equal(new DateOnly(2026, 12, 30), extendedTo);
        var refusedOn = new DateOnly(2026, 12, 22);
        var recourseLastDay = CaseRules.RecourseLastDay(AnswerOutcome.Refused, extendedTo, refusedOn, rules, calendar)!.Value;
        // 20 working days from the refusal's receipt: 1, 11 and 14 January are off
        Assert.Equal(new DateOnly(2027, 1, 22), recourseLastDay);
        var filedOn = new DateOnly(2027, 1, 4);
        var headDueOn = LegalClock.DueOn(new DeadlineQuery(Regime.Information, DeadlineStep.HeadAnswer, filedOn), rules, calendar);
        // 15 working days from the recourse: 11 and 14 January are off
        Assert.Equal(new DateOnly(2027, 1, 27), headDueOn);

        var citizen = Maildev.NewRecipient("citizen-" + code);
        var head = Maildev.NewRecipient("head-" + code);
        var trackingNumber = $"DAI-2026-{Random.Shared.Next(100_000, 999_999)}";
        (int Sequence, IEmailTemplate Message, string To)[] steps =
        [
            (1, new ReceiptNotice(trackingNumber, "7KQ2M-X9RTP", "information", "request", Mef, "Budget 2025", receivedOn, dueOn, false, Portal), citizen),
            (4, new ExtensionNotice(trackingNumber, Mef, "Trois directions rassemblent les pièces.", dueOn, extendedTo, Portal), citizen),
            (6, new RefusalNotice(trackingNumber, Mef, "private-life", "Les salaires sont nominatifs.", refusedOn, recourseLastDay, Portal), citizen),
            (7, new RecourseReceivedNotice("Nadia Chraibi", trackingNumber, Mef, RecourseBasis.Refusal, "Je conteste.", filedOn, headDueOn,
                "https://requests.example.ma/staff/cases/" + trackingNumber), head),
        ];
        await using (var db = _database.Open())
        {
            foreach (var (sequence, message, to) in steps)
                await db.TryAddNotificationAsync(NotificationKey.For(caseId, sequence, message.Name, to), message, language, to, caseId, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        using var host = await NotificationHost.StartAsync(_database, _maildev);
        var toCitizen = await _maildev.WaitForAsync(citizen, 3);
        var toHead = await _maildev.WaitForAsync(head, 1);
        await host.StopAsync();

        Assert.Equal(steps[..3].Select(s => s.Message.Render(language).Subject), toCitizen.Select(m => m.Subject));
        Assert.Equal(steps[3].Message.Render(language).Subject, Assert.Single(toHead).Subject);
        var (receipt, extension, refusal) = (toCitizen[0], toCitizen[1], toCitizen[2]);
        Assert.Contains(dueText, receipt.Text, StringComparison.Ordinal);
        Assert.Contains("7KQ2M-X9RTP", receipt.Html, StringComparison.Ordinal);
        Assert.Contains(extendedText, extension.Subject, StringComparison.Ordinal);
        Assert.Contains(extendedText, extension.Html, StringComparison.Ordinal);
        Assert.Contains(recourseText, refusal.Text, StringComparison.Ordinal);
        Assert.Contains(language == Language.Arabic ? "الحياة الخاصة للأفراد والمعطيات ذات الطابع الشخصي" : "Vie privée et données à caractère personnel",
            refusal.Html, StringComparison.Ordinal);
        Assert.Contains(headDueText, toHead[0].Text, StringComparison.Ordinal);

        await using var check = _database.Open();
        var stored = await check.Notifications.Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync();
        Assert.All(stored, n => Assert.Equal((NotificationStatus.Sent, 1), (n.Status, n.Attempts)));
        foreach (var (message, notification) in toCitizen.Concat(toHead).Zip(stored))
        {
            // both parts, as multipart/alternative; the Message-ID derived from the notification's key
            Assert.StartsWith("multipart/alternative", Header(message, "content-type"), StringComparison.Ordinal);
            Assert.Contains($"<html lang=\"{code}\" dir=\"{(language == Language.Arabic ? "rtl" : "ltr")}\">", message.Html, StringComparison.Ordinal);
            Assert.Equal(notification.Text.TrimEnd(), message.Text!.TrimEnd());
            Assert.Equal(SmtpEmailSender.MessageIdFor(notification.IdempotencyKey, NotificationHost.From), Header(message, "message-id"));
            Assert.Contains(NotificationHost.From, Header(message, "from"), StringComparison.Ordinal);
        }
    }

    private static string Header(MaildevMessage message, string name) =>
        message.Headers.TryGetValue(name, out var value) && value is JsonElement { ValueKind: JsonValueKind.String } text
            ? text.GetString()!
            : throw new InvalidOperationException($"No {name} header in {string.Join(", ", message.Headers.Keys)}");
}
