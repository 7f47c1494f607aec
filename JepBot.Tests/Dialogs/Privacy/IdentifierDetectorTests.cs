using JepBot.Dialogs.Privacy;

namespace JepBot.Tests.Dialogs.Privacy;

/// <summary>The detector's rules one by one; the corpus test measures it as a whole.</summary>
public sealed class IdentifierDetectorTests
{
    private static readonly IdentifierDetector Detector = new(new FixedYear(2026));

    [Theory]
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    public void The_elfproef_accepts_only_valid_bsns(string digits, bool valid) =>
        Assert.Equal(valid, IdentifierChecks.PassesElfproef(digits));

    [Theory]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("nl91abna0417164300", true)]
    [InlineData("BE68539007547034", true)]
    [InlineData("NL91ABNA0417164301", false)]
    [InlineData("NL91ABNA041716430", false)]
    public void The_iban_check_uses_mod_97_and_the_country_length(string iban, bool valid) =>
        Assert.Equal(valid, IdentifierChecks.PassesIbanCheck(iban));

    [Theory]
    [InlineData("Bel 06 1234 5678 vandaag.", "Bel [telefoonnummer] vandaag.")]
    [InlineData("Mail naar jongen123@gmail.com svp", "Mail naar [e-mailadres] svp")]
    [InlineData("Zijn BSN is 123456782.", "Zijn BSN is [BSN].")]
    [InlineData("Hij woont op 1234 AB 12 sinds kort.", "Hij woont op [postcode en huisnummer] sinds kort.")]
    [InlineData("Rekening NL91 ABNA 0417 1643 00 van de vader", "Rekening [IBAN] van de vader")]
    [InlineData("Geboren op 3 mei 2011 in Utrecht.", "Geboren op [geboortedatum] in Utrecht.")]
    [InlineData("Een jongen genaamd Kees-Jan Bakker zei dat", "Een jongen genaamd [naam] zei dat")]
    [InlineData("Belgisch nummer +32 470 12 34 56 van de oom", "Belgisch nummer [telefoonnummer] van de oom")]
    public void Each_kind_is_replaced_by_its_placeholder_and_the_rest_stays(string text, string expected) =>
        Assert.Equal(expected, Detector.Redact(text).Text);

    [Theory]
    [InlineData("Sinds 1 juli 2013 geldt de meldcode.")]
    [InlineData("We spraken elkaar op 12-01-2025 op school.")]
    [InlineData("Versie 1.2.10 van het protocol.")]
    [InlineData("Ik heb 3 keer gebeld met Veilig Thuis en de gemeente Ede.")]
    [InlineData("Er zaten 1200 MB aan filmpjes op de telefoon.")]
    [InlineData("Zaaknummer 123456789 bij de politie.")]
    public void Ordinary_numbers_dates_and_organisations_are_left_alone(string text)
    {
        var redaction = Detector.Redact(text);
        Assert.False(redaction.Changed, redaction.Text);
        Assert.Equal(text, redaction.Text);
    }

    [Fact]
    public void A_birth_cue_makes_a_recent_date_a_birth_date()
    {
        Assert.Equal("geb. [geboortedatum]", Detector.Redact("geb. 12-01-2024").Text);
        Assert.False(Detector.Redact("gesprek op 12-01-2024").Changed);
    }

    [Fact]
    public void Overlapping_detections_become_one_placeholder_of_the_longest_kind()
    {
        var found = Assert.Single(Detector.Detect("Nummer: 06 1234 5678"));
        Assert.Equal(IdentifierKind.Phone, found.Kind);
        Assert.Equal("06 1234 5678".Length, found.Length);
    }

    [Fact]
    public void Positions_refer_to_the_original_text()
    {
        const string text = "Sanne belde 06-12345678.";
        var found = Detector.Detect(text);
        Assert.Equal(["Sanne", "06-12345678"], found.Select(f => text.Substring(f.Start, f.Length)));
    }

    [Fact]
    public void Long_hostile_input_finishes_without_a_regex_timeout()
    {
        // Near-misses of every pattern, repeated to 100 KB: a backtracking pattern would blow up here.
        var chunk = "06-1234-567 NL91ABNA04171643 1234 A 12-13-20 genaamd x. Kerkstraat a@b. 12345678 ";
        var text = string.Concat(Enumerable.Repeat(chunk, 100_000 / chunk.Length + 1));
        var redaction = Detector.Redact(text);
        Assert.Equal(text.Length, redaction.Text.Length + redaction.Found.Sum(f => f.Length - f.Placeholder.Length));
    }

    [Fact]
    public void Empty_and_blank_text_has_nothing_to_redact()
    {
        Assert.Empty(Detector.Detect(""));
        Assert.Empty(Detector.Detect("   \n "));
        Assert.Throws<ArgumentNullException>(() => Detector.Detect(null!));
    }

    private sealed class FixedYear(int year) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, 6, 1, 12, 0, 0, TimeSpan.Zero);

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
