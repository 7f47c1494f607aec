using System.Text;
using System.Text.RegularExpressions;

namespace JepBot.Dialogs.Privacy;

/// <summary>
/// Finds details in a professional's free text that could identify a young person (BSN, phone number, e-mail address,
/// postcode or street with house number, IBAN, birth date, name) so they can be replaced before the text is kept or
/// sent on; the professional sees the result and confirms it. Recall matters more than precision: the professional can
/// put a wrongly replaced word back, but a leaked name cannot be taken back. See docs/identifier-detector.md.
/// </summary>
/// <remarks>
/// A regex that runs out of time throws <see cref="RegexMatchTimeoutException"/>; nothing is returned as "clean" then.
/// </remarks>
public sealed class IdentifierDetector
{
    private readonly TimeProvider clock;

    /// <param name="clock">Gives "the current year": a full date from 1990 up to it is treated as a possible birth date.</param>
    public IdentifierDetector(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>A detector on the system clock.</summary>
    public static IdentifierDetector Default { get; } = new(TimeProvider.System);

    /// <summary>The earliest birth year of someone the bot is asked about (JEP covers young people up to about 23).</summary>
    private const int EarliestBirthYear = 1990;

    /// <summary>
    /// Dates in the last few years are meetings and incidents, not birthdays of the young people JEP is about (the
    /// youngest are of school age); a birth cue still catches a recent date.
    /// </summary>
    private const int YoungestAge = 4;

    /// <summary>The placeholder that replaces a detail of this kind; Dutch in both languages, as the advisors read Dutch.</summary>
    public static string PlaceholderFor(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Bsn => "[BSN]",
        IdentifierKind.Phone => "[telefoonnummer]",
        IdentifierKind.Email => "[e-mailadres]",
        IdentifierKind.PostcodeHouseNumber => "[postcode en huisnummer]",
        IdentifierKind.Iban => "[IBAN]",
        IdentifierKind.BirthDate => "[geboortedatum]",
        IdentifierKind.Name => "[naam]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Every identifying detail in <paramref name="text"/>: non-overlapping, ordered by start.</summary>
    public IReadOnlyList<DetectedIdentifier> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var found = new List<(IdentifierKind Kind, int Start, int End)>();
        void Add(IdentifierKind kind, int start, int length) => found.Add((kind, start, start + length));

        foreach (Match m in IdentifierPatterns.Email().Matches(text))
        {
            Add(IdentifierKind.Email, m.Index, m.Length);
        }

        foreach (Match m in IdentifierPatterns.IbanCandidate().Matches(text))
        {
            if (IbanLength(m.Value) is > 0 and var length)
            {
                Add(IdentifierKind.Iban, m.Index, length);
            }
        }

        foreach (Match m in IdentifierPatterns.Phone().Matches(text))
        {
            // "01-02-2010 12" has ten digits and a leading zero, but it is a date and an hour.
            if (!IdentifierPatterns.LeadingDate().IsMatch(m.Value))
            {
                Add(IdentifierKind.Phone, m.Index, m.Length);
            }
        }

        foreach (Match m in IdentifierPatterns.ForeignPhone().Matches(text))
        {
            Add(IdentifierKind.Phone, m.Index, m.Length);
        }

        foreach (Match m in IdentifierPatterns.BsnCandidate().Matches(text))
        {
            if (IdentifierChecks.PassesElfproef(DigitsOf(m.Value)))
            {
                Add(IdentifierKind.Bsn, m.Index, m.Length);
            }
        }

        foreach (Match m in IdentifierPatterns.Postcode().Matches(text))
        {
            Add(IdentifierKind.PostcodeHouseNumber, m.Index, m.Length);
        }

        foreach (Match m in IdentifierPatterns.Street().Matches(text))
        {
            Add(IdentifierKind.PostcodeHouseNumber, m.Index, m.Length);
        }

        AddDates(text, Add);
        AddNames(text, Add);
        return Merge(found);
    }

    /// <summary>The text with each detected detail replaced by its placeholder; everything else is left exactly as it was.</summary>
    public Redaction Redact(string text)
    {
        var found = Detect(text);
        if (found.Count == 0)
        {
            return new Redaction(text, found);
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var detection in found)
        {
            builder.Append(text, position, detection.Start - position).Append(detection.Placeholder);
            position = detection.Start + detection.Length;
        }

        return new Redaction(builder.Append(text, position, text.Length - position).ToString(), found);
    }

    private void AddDates(string text, Action<IdentifierKind, int, int> add)
    {
        var currentYear = clock.GetLocalNow().Year;
        foreach (Match m in IdentifierPatterns.NumericDate().Matches(text))
        {
            // "1.2.10" is a version number far more often than a date; dotted dates need a four-digit year or a cue.
            if (m.Groups["s"].Value == "." && m.Groups["y"].Length == 2 && !BirthCueBefore(text, m.Index))
            {
                continue;
            }

            var year = int.Parse(m.Groups["y"].ValueSpan, provider: null);
            if (IsBirthDate(text, m, int.Parse(m.Groups["d"].ValueSpan, provider: null), int.Parse(m.Groups["m"].ValueSpan, provider: null), m.Groups["y"].Length == 2 ? FullYear(year, currentYear) : year, currentYear))
            {
                add(IdentifierKind.BirthDate, m.Index, m.Length);
            }
        }

        foreach (Match m in IdentifierPatterns.TextDate().Matches(text))
        {
            var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].ValueSpan, provider: null) : (int?)null;
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].ValueSpan, provider: null) : (int?)null;
            var month = MonthNumber(m.Groups["mon"].Value);
            var cued = BirthCueBefore(text, m.Index);
            // A day and month without a year, or a month and year without a day, is only a birth date after a cue.
            var plausible = day is null || year is null
                ? cued && (day is null || day is >= 1 and <= 31)
                : IsBirthDate(text, m, day.Value, month, year.Value, currentYear);
            if (plausible)
            {
                add(IdentifierKind.BirthDate, m.Index, m.Length);
            }
        }
    }

    /// <summary>
    /// A real calendar date whose year is 1990 up to four years ago and that does not start or end a period ("sinds",
    /// "vanaf"), or any real date right after a birth cue ("geboren op 3-5"). Later dates without a cue are
    /// appointments and deadlines, earlier ones are parents' or historical dates.
    /// </summary>
    private static bool IsBirthDate(string text, Match match, int day, int month, int year, int currentYear)
    {
        if (month is < 1 or > 12 || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (BirthCueBefore(text, match.Index))
        {
            return true;
        }

        return year >= EarliestBirthYear && year <= currentYear - YoungestAge && !PeriodCueBefore(text, match.Index);
    }

    /// <summary>"sinds 1 juli 2013", "vanaf 01-01-2025": the start or end of a period, not a birthday.</summary>
    private static bool PeriodCueBefore(string text, int index)
    {
        var start = Math.Max(0, index - 20);
        return IdentifierPatterns.PeriodCueBefore().IsMatch(text.AsSpan(start, index - start));
    }

    private static bool BirthCueBefore(string text, int index)
    {
        var start = Math.Max(0, index - 40);
        return IdentifierPatterns.BirthCueBefore().IsMatch(text.AsSpan(start, index - start));
    }

    /// <summary>Two-digit years: up to this year's two digits mean 20xx, above them 19xx ("3-5-09" is 2009, "3-5-95" 1995).</summary>
    private static int FullYear(int twoDigits, int currentYear) => twoDigits <= currentYear % 100 ? 2000 + twoDigits : 1900 + twoDigits;

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "maa" or "mrt" or "mar" => 3,
        "apr" => 4,
        "mei" or "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" or "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    private static void AddNames(string text, Action<IdentifierKind, int, int> add)
    {
        // A cue ("genaamd", "heet", "mijn leerling") makes any capitalised word a name.
        foreach (Match m in IdentifierPatterns.CuedName().Matches(text))
        {
            AddName(text, m.Groups["first"], add);
        }

        // Without a cue: a first name from the list, wherever it stands (also at the start of a sentence).
        foreach (Match m in IdentifierPatterns.CapitalisedWord().Matches(text))
        {
            if (m.Value.Split('-').Any(NameLists.FirstNames.Contains))
            {
                AddName(text, m, add);
            }
        }

        // "Mohammed B.": a capitalised word with an initial is a person, unless it is a label ("Plan B.").
        foreach (Match m in IdentifierPatterns.NameWithInitial().Matches(text))
        {
            var first = m.Groups["first"].Value;
            if (!NameLists.LabelWords.Contains(first) && !NameLists.NotNames.Contains(first) && !AfterPlaceWord(text, m.Index))
            {
                add(IdentifierKind.Name, m.Index, m.Length);
            }
        }

        // "J. de Vries": initials and a surname, unless the "initial" ends a label ("groep B. Daarna ...").
        foreach (Match m in IdentifierPatterns.InitialsWithSurname().Matches(text))
        {
            var labelled = WordBefore(text, m.Index) is { } word && NameLists.LabelWords.Contains(word);
            if (!labelled && !NameLists.NotNames.Contains(m.Groups["last"].Value))
            {
                add(IdentifierKind.Name, m.Index, m.Length);
            }
        }
    }

    /// <summary>
    /// Adds a name starting with <paramref name="first"/> and extends it with up to two more capitalised words
    /// (tussenvoegsels allowed) and a closing initial; stops before organisation words and sentence starters.
    /// </summary>
    private static void AddName(string text, Group first, Action<IdentifierKind, int, int> add)
    {
        if (NameLists.NotNames.Contains(first.Value) || AfterPlaceWord(text, first.Index))
        {
            return;
        }

        var end = first.Index + first.Length;
        for (var words = 0; words < 2; words++)
        {
            var tail = IdentifierPatterns.NameTailWord().Match(text, end);
            if (!tail.Success || NameLists.NotNames.Contains(tail.Groups["word"].Value))
            {
                break;
            }

            end = tail.Index + tail.Length;
        }

        var initial = IdentifierPatterns.NameTailInitial().Match(text, end);
        if (initial.Success)
        {
            end = initial.Index + initial.Length;
        }

        add(IdentifierKind.Name, first.Index, end - first.Index);
    }

    /// <summary>"gemeente Ede", "wijk Zuid": a capitalised word after a place word names a place.</summary>
    private static bool AfterPlaceWord(string text, int index) => WordBefore(text, index) is { } word && NameLists.PlaceWords.Contains(word);

    /// <summary>The word just before <paramref name="index"/> (spaces between allowed), looking back a short window only.</summary>
    private static string? WordBefore(string text, int index)
    {
        var start = Math.Max(0, index - 30);
        var before = IdentifierPatterns.WordBefore().Match(text, start, index - start);
        return before.Success ? before.Groups["word"].Value : null;
    }

    /// <summary>
    /// The number of characters of an IBAN candidate that form a valid IBAN, or 0. The candidate may run on into
    /// following capitals ("... 1643 00 T"), so shorter lengths are tried, but only where a group ends.
    /// </summary>
    private static int IbanLength(string candidate)
    {
        var compact = new StringBuilder(34);
        var ends = new List<int>(34);
        for (var i = 0; i < candidate.Length; i++)
        {
            if (candidate[i] != ' ')
            {
                compact.Append(char.ToUpperInvariant(candidate[i]));
                ends.Add(i + 1);
            }
        }

        var iban = compact.ToString();
        for (var length = Math.Min(iban.Length, 34); length >= 15; length--)
        {
            var endsAtGroup = length == iban.Length || candidate[ends[length - 1]] == ' ';
            if (endsAtGroup && IdentifierChecks.PassesIbanCheck(iban[..length]))
            {
                return ends[length - 1];
            }
        }

        return 0;
    }

    private static string DigitsOf(string value) => string.Concat(value.Where(char.IsAsciiDigit));

    /// <summary>
    /// Overlapping detections become one span covering all of them (never leave half a phone number behind), with the
    /// kind of the longest; "06 1234 5678" is a phone number even though "6 1234 5678" might pass the elfproef.
    /// </summary>
    private static List<DetectedIdentifier> Merge(List<(IdentifierKind Kind, int Start, int End)> found)
    {
        var result = new List<DetectedIdentifier>();
        var ordered = found.OrderBy(f => f.Start).ThenByDescending(f => f.End).ToList();
        var i = 0;
        while (i < ordered.Count)
        {
            var (kind, start, end) = ordered[i];
            var longest = end - start;
            for (i++; i < ordered.Count && ordered[i].Start < end; i++)
            {
                if (ordered[i].End - ordered[i].Start > longest)
                {
                    (kind, longest) = (ordered[i].Kind, ordered[i].End - ordered[i].Start);
                }

                end = Math.Max(end, ordered[i].End);
            }

            result.Add(new DetectedIdentifier(kind, start, end - start, PlaceholderFor(kind)));
        }

        return result;
    }
}
