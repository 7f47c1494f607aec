namespace JepBot.Dialogs.Privacy;

/// <summary>
/// Check-digit tests that turn "a run of digits" into "almost certainly a BSN or IBAN". Without them every
/// 9-digit case number would become a BSN; with them only about 1 in 11 (BSN) or 1 in 97 (IBAN) random numbers pass.
/// </summary>
public static class IdentifierChecks
{
    /// <summary>
    /// The elfproef for a BSN: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11, and the number is not all zeros.
    /// </summary>
    /// <param name="digits">Exactly nine ASCII digits, separators already removed.</param>
    public static bool PassesElfproef(string digits)
    {
        if (digits is not { Length: 9 } || !digits.All(char.IsAsciiDigit) || digits.All(c => c == '0'))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum % 11 == 0;
    }

    /// <summary>
    /// ISO 13616 mod-97: move the first four characters to the end, read letters as 10..35, and the number must leave
    /// remainder 1 when divided by 97. Computed digit by digit so no big integer is needed.
    /// </summary>
    /// <param name="iban">Letters and digits only, e.g. <c>NL91ABNA0417164300</c>; lowercase is accepted.</param>
    public static bool PassesIbanCheck(string iban)
    {
        if (iban is null || iban.Length is < 15 or > 34 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])
            || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3]) || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        if (IbanLengths.TryGetValue(iban[..2].ToUpperInvariant(), out var expected) && expected != iban.Length)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1;
    }

    /// <summary>
    /// The fixed IBAN length of countries a Dutch professional is likely to meet. Knowing it lets the detector stop an
    /// IBAN at the right place when capitals follow it ("NL91 ABNA 0417 1643 00 T.a.v."), and rejects a wrong length.
    /// Countries not listed are accepted at any length from 15 to 34.
    /// </summary>
    public static IReadOnlyDictionary<string, int> IbanLengths { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GR"] = 27, ["HR"] = 21,
        ["HU"] = 28, ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21,
        ["MA"] = 28, ["MT"] = 31, ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24,
        ["SI"] = 19, ["SK"] = 24, ["TR"] = 26, ["UA"] = 29,
    };
}
