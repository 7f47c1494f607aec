using System.Text.RegularExpressions;

namespace JepBot.Dialogs.Privacy;

/// <summary>
/// The candidate patterns of <see cref="IdentifierDetector"/>. They are deliberately generous; checks in code (elfproef,
/// mod-97, plausible date, name lists) decide. Every pattern starts at a word edge (a lookbehind) and every repetition is
/// bounded, so a match attempt costs at most a few dozen steps per start position and 100 KB of input stays linear;
/// the timeout is a last resort that makes a runaway match fail loudly instead of hanging the turn.
/// </summary>
internal static partial class IdentifierPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = 2000;

    /// <summary>Local part, @, domain labels, a top-level domain of letters.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,5}\.\p{L}{2,24}(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex Email();

    /// <summary>
    /// Two letters, two check digits, then 11-30 letters/digits, unbroken or in groups separated by single spaces.
    /// The end is settled in code with the country length and mod-97.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-Za-z]{2}[0-9]{2}(?:[A-Za-z0-9]{11,30}(?![\p{L}\p{N}])|(?:[ ]?[A-Za-z0-9]){11,30})", Options, TimeoutMs)]
    public static partial Regex IbanCandidate();

    /// <summary>
    /// A Dutch number: +31 / 0031 (optionally "(0)") and nine digits, or 0 and nine digits (first not 0). Single
    /// separators (space, dash or en dash, dot, slash, brackets around the area code) between digits. Exactly ten digits in the
    /// national form is what keeps years, amounts, 0800-numbers and case numbers out.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(?0)[1-9](?:(?:[ ]?[-–./)][ ]?|[ ])?[0-9]){8}(?![0-9])", Options, TimeoutMs)]
    public static partial Regex Phone();

    /// <summary>
    /// A foreign number written internationally (+32 470 12 34 56, +212 6 12 34 56 78): families often keep a number
    /// abroad. A plus sign, a country code and 7 to 12 more digits; an amount or a count never starts with "+".
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])\+(?!31)[1-9][0-9]{0,2}(?:(?:[ ]?[-–./()][ ]?|[ ])?[0-9]){7,12}(?![0-9])", Options, TimeoutMs)]
    public static partial Regex ForeignPhone();

    /// <summary>A date and a space at the start of a phone candidate ("01-02-2010 12") mean it is not a phone number.</summary>
    [GeneratedRegex(@"^[0-9]{1,2}([-/.])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})[ ]", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex LeadingDate();

    /// <summary>
    /// Nine digits, optionally grouped by single spaces, dots or dashes (123.456.782, 1234 56 782), not glued to
    /// other digits or to an amount sign. The elfproef decides.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<![0-9][.-])(?<!€[ ]?)[0-9](?:[ .-]?[0-9]){8}(?![0-9])(?![.-][0-9])", Options, TimeoutMs)]
    public static partial Regex BsnCandidate();

    /// <summary>
    /// A postcode: 4 digits (not starting with 0) and two capitals, or two lowercase letters glued on (1234ab), optionally
    /// followed by a house number ("1234 AB 12", "1234AB 5a", "1234 AB, nr. 7"). Units ("1200 MB", "1500 KM") are
    /// not postcodes although their letters are allowed in one.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}€$])[1-9][0-9]{3}(?:[ ]?(?!(?:MB|GB|KB|TB|KM|CM|MM|KG|PM|AM|PK|EU)(?![\p{L}]))[A-Z]{2}|[a-z]{2})(?![\p{L}\p{N}-])(?:,?[ ](?:(?i:nr|huisnummer)\.?[ ]?)?[1-9][0-9]{0,3}(?:-?[a-zA-Z](?![\p{L}\p{N}]))?(?![\p{L}\p{N}]))?", Options, TimeoutMs)]
    public static partial Regex Postcode();

    /// <summary>
    /// A street and house number. Either a capitalised word ending in a street word (Kerkstraat, Oudegracht,
    /// Burgemeester de Withstraat, with up to two capitalised words before it), a lowercase word ending in a few
    /// unmistakable street words (kerkstraat), or a street word followed by "van/de/..." and a name (Laan van
    /// Meerdervoort). House numbers of four digits starting with 19 or 20 are years ("Zomerkamp 2026"), and a number
    /// followed by "keer", "jaar", "leerlingen" is a count ("op het Stationsplein 3 keer"), not an address.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:(?!(?:De|Het|Een|Op|In|Aan|Bij|Naar|Via|Hij|Zij|Ze|Ik|We|Wij|Zijn|Haar|Hun|Mijn|Woont|Nu|Ook|En|Of|The|At|On|He|She|Lives|His|Her|My)[ ])\p{Lu}[\p{L}'-]{0,30}[ ](?:(?:van|de|der|den|het|ter|te)[ ]){0,2}){0,2}(?=\p{Lu})[\p{L}'-]{0,40}(?i:straat|laan|weg|plein|gracht|kade|singel|dreef|hof|steeg|pad|dijk|park|markt|baan|erf|wal|veld|weide|plantsoen|boulevard|allee|haven)|\p{Ll}[\p{L}'-]{2,40}(?:straat|laan|plein|gracht|kade|singel)|(?:Laan|Weg|Plein|Kade|Singel|Dreef|Hof|Gracht|Dijk|Markt|Park|Straat|Plantsoen|Pad)(?:[ ](?:van|de|der|den|het|op|aan|naar|ter|te|bij|in)){1,2}[ ]\p{Lu}[\p{L}'-]{0,40})[ ](?:nr\.?[ ]?)?(?!19[0-9]{2}|20[0-9]{2})[1-9][0-9]{0,3}(?:-?[a-zA-Z](?![\p{L}\p{N}]))?(?:[-/][0-9]{1,4})?(?![\p{L}\p{N}])(?![ ](?i:keer|maal|x|jaar|uur|min|minuten|dagen|weken|maanden|jongeren|leerlingen|personen|mensen|kinderen|euro|procent|meter|km|times|years|hours|people)(?![\p{L}]))", Options, TimeoutMs)]
    public static partial Regex Street();

    /// <summary>
    /// A numeric date: d-m-yy(yy) with the same separator twice (-, / or .), or ISO yyyy-mm-dd. Not part of a time range
    /// or version number (no digit glued on by . : , / -).
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<![0-9][.:,/-])(?:(?<d>[0-9]{1,2})(?<s>[-/.])(?<m>[0-9]{1,2})\k<s>(?<y>[0-9]{4}|[0-9]{2})|(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2}))(?![\p{L}\p{N}])(?![.,:/-][0-9])", Options, TimeoutMs)]
    public static partial Regex NumericDate();

    /// <summary>
    /// A date with a month name: "12 maart 2009", "12-mrt-2010", "3 mei", "12th of March 2009", "March 12, 2009",
    /// "maart 2010".
    /// Without a day or a year it only counts after a birth cue; that is decided in code.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?<d>[0-9]{1,2})(?:e|ste|de|st|nd|rd|th)?(?:[ ]|-)(?:of[ ])?(?<mon>" + Months + @")\.?(?:(?:,?[ ]|-)(?<y>[0-9]{4}))?|(?<mon>" + Months + @")\.?[ ](?<d>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?[ ](?<y>[0-9]{4}))?|(?<mon>" + Months + @")[ ](?<y>[0-9]{4}))(?![\p{L}\p{N}])(?![-/.][0-9])", Options, TimeoutMs)]
    public static partial Regex TextDate();

    /// <summary>Dutch and English month names and abbreviations, longest first so "juni" is not read as "jun".</summary>
    private const string Months = "(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|sept|jan|feb|mrt|mar|apr|jun|jul|aug|sep|okt|oct|nov|dec)";

    /// <summary>
    /// A birth cue right before a date ("geboren op", "geb.", "geboortedatum:", "born on", "DOB"); matched against the
    /// few characters before a date candidate, hence anchored at the end.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?i:geboren|geb\.?|geboortedatum|geb\.?[ ]?datum|geboortedag|born|birth[ ]?date|date[ ]of[ ]birth|dob|d\.o\.b\.?)[ ]*[:,]?[ ]*(?:(?i:op|on|in|at|de|the|rond|around)[ ]+)?\(?$", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex BirthCueBefore();

    /// <summary>
    /// A word before a date that makes it the start or end of a period ("sinds 1 juli 2013", "vanaf 01-01-2025",
    /// "uiterlijk ..."): a rule or deadline, not someone's birthday.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?i:sinds|vanaf|per|tot|t/m|uiterlijk|since|from|until|till)[ ]*$", RegexOptions.CultureInvariant, TimeoutMs)]
    public static partial Regex PeriodCueBefore();

    /// <summary>
    /// A word that announces a name ("genaamd", "heet", "met de naam", "naam:", "named", "called", "leerling", "zoon",
    /// "gezin", "mevrouw", ...) followed by a capitalised word, or by a surname that starts with a capitalised
    /// tussenvoegsel ("familie De Boer", "gezin El Amrani"); the rest is read by <see cref="NameTailWord"/>.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}])(?i:genaamd|genoemd|heet|heette|heten|met[ ]de[ ]naam|naam[ ]?:|naam[ ]is|named|called|name[ ]?:|name[ ]is|leerling|leerlinge|cliënt|client|cliënte|pupil|student|studente|jongere|jongen|meisje|meid|kind|pleegkind|pleegzoon|pleegdochter|stiefzoon|stiefdochter|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|neef|neefje|nicht|nichtje|puber|vriend|vriendin|vriendje|vriendinnetje|boy|girl|son|daughter|brother|sister|child|kid|friend|familie|gezin|family|mevrouw|meneer|mevr\.|dhr\.|mw\.|mr\.|mrs\.|ms\.)(?![\p{L}])[ ]{0,3}:?[ ]{1,3}(?<first>(?:(?:Van|De|Den|El|Ter|Ten|Al)[ ](?:(?:der|den|de)[ ])?)?\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}?\p{Ll}{1,30}){0,2})(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex CuedName();

    /// <summary>Any capitalised word, possibly hyphenated (Jan-Willem); checked against the first-name list.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30}){0,2}(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex CapitalisedWord();

    /// <summary>
    /// The rest of a name after its first word: up to two more capitalised words, each possibly after tussenvoegsels
    /// (van, de, van der, el, ben, ...), and a final initial ("Mohammed B."). Used at a fixed position (\G).
    /// </summary>
    [GeneratedRegex(@"\G[ ](?:(?:van|de|der|den|el|ben|bin|al|ter|ten|te|da|dos|du|la|le|'t)[ ]){0,2}(?<word>\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30}){0,2})(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex NameTailWord();

    /// <summary>A closing initial after a name: " B." in "Mohammed B.".</summary>
    [GeneratedRegex(@"\G[ ]\p{Lu}\.(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex NameTailInitial();

    /// <summary>"Mohammed B." anywhere: a capitalised word, a space, one capital and a full stop.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<first>\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30}){0,2})[ ]\p{Lu}\.(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex NameWithInitial();

    /// <summary>"J. de Vries", "M.A. Jansen": initials, optional tussenvoegsels, a capitalised surname.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.])(?<first>\p{Lu}\.(?:[ ]?\p{Lu}\.){0,3})[ ](?:(?:van|de|der|den|el|ben|ter|ten|te)[ ]){0,2}(?<last>\p{Lu}\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30}){0,2})(?![\p{L}\p{N}])", Options, TimeoutMs)]
    public static partial Regex InitialsWithSurname();

    /// <summary>The word before a position, to tell "gemeente Ede" or "Plan B." from a name.</summary>
    [GeneratedRegex(@"(?<word>\p{L}+)[ ]*$", Options, TimeoutMs)]
    public static partial Regex WordBefore();
}
