namespace JepBot.Dialogs.Privacy;

/// <summary>The kinds of detail that can identify a young person in a professional's free text.</summary>
public enum IdentifierKind
{
    Bsn,
    Phone,
    Email,
    PostcodeHouseNumber,
    Iban,
    BirthDate,
    Name,
}
