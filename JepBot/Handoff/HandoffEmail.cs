using System.Text;
using JepBot.Dialogs.Cards;
using JepBot.Dialogs.Content;
using JepBot.Dialogs.Handoff;
using JepBot.Dialogs.Localization;
using MimeKit;

namespace JepBot.Handoff;

/// <summary>
/// The e-mail copy of a request: the same lines as the ticket card, as plain text. Its Message-ID is derived from
/// the reference, so a copy sent twice (a crash between sending and recording it) is recognisably the same message.
/// </summary>
public static class HandoffEmail
{
    public static MimeMessage Build(HandoffRequest request, EmailCopyOptions options, HandoffContent content, Localizer localizer)
    {
        string T(string key) => localizer.Get(request.Language, key);
        var kind = T(request.Kind == RequestKind.Werkatelier ? "ticket.werkatelier" : "ticket.advisor");
        var where = (string?)request.Fields["municipality"] ?? (string?)request.Fields["organisation"];
        var title = $"{kind} {request.Reference}";

        var body = new StringBuilder().AppendLine(title).AppendLine();
        foreach (var (label, value) in HandoffFacts.Of(request, content, localizer))
        {
            body.Append(label).Append(": ").AppendLine(value);
        }

        if (request.Fields["question"]?.ToString() is { Length: > 0 } question)
        {
            body.AppendLine().AppendLine(T("advisor.field.question") + ":").AppendLine(question);
        }

        if (request.Attachment is { Length: > 0 } attachment)
        {
            body.AppendLine().AppendLine(T("ticket.attachment") + ":").AppendLine(attachment);
        }

        if (HandoffFacts.ChatLink(request) is { } link)
        {
            body.AppendLine().Append(T("ticket.chat")).Append(": ").AppendLine(link);
        }

        body.AppendLine().AppendLine(T("email.footer"));

        var message = new MimeMessage
        {
            Subject = string.IsNullOrWhiteSpace(where) ? title : $"{title} – {where}",
            MessageId = $"{request.Reference}.{request.CreatedUtc.ToUnixTimeSeconds()}@jepbot",
            Body = new TextPart("plain") { Text = body.ToString() },
        };
        message.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(options.From) ? options.To : options.From));
        message.To.AddRange(InternetAddressList.Parse(options.To));
        return message;
    }
}
