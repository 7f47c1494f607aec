using System.Globalization;
using JepBot.Dialogs.Privacy;
using JepBot.Tests.Support;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace JepBot.Tests.Dialogs.Privacy;

/// <summary>
/// The detector measured on a labelled corpus of professionals' sentences (IdentifierCorpus.json): each positive
/// example lists the details that must disappear, each negative example must come back unchanged. Recall counts a
/// detail as caught when the redacted text no longer contains it; the false-positive rate is the share of negative
/// texts in which anything was replaced. The figures are printed and must match docs/identifier-detector.md.
/// </summary>
public sealed class IdentifierCorpusTests(ITestOutputHelper output)
{
    private const double RecallTarget = 0.95;
    private const double FalsePositiveTarget = 0.05;

    /// <summary>A fixed "now" so that "a date up to this year" means the same on every run.</summary>
    private static readonly IdentifierDetector Detector = new(new FixedClock(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)));

    private sealed record Example(string Text, IReadOnlyList<(IdentifierKind Kind, string Value)> Expected);

    private static readonly IReadOnlyList<Example> Corpus = LoadCorpus();

    private static IReadOnlyList<Example> LoadCorpus()
    {
        var json = JArray.Parse(File.ReadAllText(RepositoryPaths.Combine("JepBot.Tests", "Dialogs", "Privacy", "IdentifierCorpus.json")));
        return [.. json.Select(e => new Example(
            (string)e["text"]!,
            [.. e["expected"]!.Select(x => (Enum.Parse<IdentifierKind>((string)x["kind"]!), (string)x["value"]!))]))];
    }

    private sealed record Measurement(int Details, int Caught, int RightKind, int Negatives, int FalsePositives, IReadOnlyList<string> Misses, IReadOnlyList<string> FalseAlarms)
    {
        public double Recall => (double)Caught / Details;

        public double FalsePositiveRate => (double)FalsePositives / Negatives;

        /// <summary>The line docs/identifier-detector.md must carry, so the docs always state the current figures.</summary>
        public string Summary => string.Create(
            CultureInfo.InvariantCulture,
            $"recall {Caught}/{Details} = {Recall:P1}; false positives {FalsePositives}/{Negatives} negative texts = {FalsePositiveRate:P1}; right kind {RightKind}/{Caught}");
    }

    private static Measurement Measure()
    {
        int details = 0, caught = 0, rightKind = 0, negatives = 0, falsePositives = 0;
        var misses = new List<string>();
        var falseAlarms = new List<string>();
        foreach (var example in Corpus)
        {
            var redaction = Detector.Redact(example.Text);
            if (example.Expected.Count == 0)
            {
                negatives++;
                if (redaction.Changed)
                {
                    falsePositives++;
                    falseAlarms.Add($"{example.Text}  =>  {redaction.Text}");
                }

                continue;
            }

            foreach (var (kind, value) in example.Expected)
            {
                details++;
                if (redaction.Text.Contains(value, StringComparison.Ordinal))
                {
                    misses.Add($"{kind} '{value}' in: {example.Text}  =>  {redaction.Text}");
                    continue;
                }

                caught++;
                var start = example.Text.IndexOf(value, StringComparison.Ordinal);
                if (redaction.Found.Any(f => f.Kind == kind && f.Start < start + value.Length && start < f.Start + f.Length))
                {
                    rightKind++;
                }
            }
        }

        return new Measurement(details, caught, rightKind, negatives, falsePositives, misses, falseAlarms);
    }

    [Fact]
    public void The_corpus_has_at_least_200_labelled_examples_of_every_kind_and_both_polarities()
    {
        Assert.True(Corpus.Count >= 200, $"only {Corpus.Count} examples");
        Assert.True(Corpus.Count(e => e.Expected.Count == 0) >= 80, "too few negative examples");
        foreach (var kind in Enum.GetValues<IdentifierKind>())
        {
            Assert.True(Corpus.Sum(e => e.Expected.Count(x => x.Kind == kind)) >= 8, $"too few examples of {kind}");
        }

        Assert.All(Corpus.SelectMany(e => e.Expected.Select(x => (e.Text, x.Value))), pair => Assert.Contains(pair.Value, pair.Text));
    }

    [Fact]
    public void Recall_and_false_positive_rate_meet_their_targets()
    {
        var measurement = Measure();
        output.WriteLine("Identifier detector on the corpus: " + measurement.Summary);
        foreach (var miss in measurement.Misses)
        {
            output.WriteLine("missed: " + miss);
        }

        foreach (var alarm in measurement.FalseAlarms)
        {
            output.WriteLine("false positive: " + alarm);
        }

        Assert.True(measurement.Recall >= RecallTarget, $"{measurement.Summary}\n{string.Join("\n", measurement.Misses)}");
        Assert.True(measurement.FalsePositiveRate <= FalsePositiveTarget, $"{measurement.Summary}\n{string.Join("\n", measurement.FalseAlarms)}");
    }

    [Fact]
    public void The_docs_state_the_measured_figures()
    {
        var docs = File.ReadAllText(RepositoryPaths.Combine("docs", "identifier-detector.md"));
        var summary = Measure().Summary;
        Assert.True(docs.Contains(summary, StringComparison.Ordinal), "docs/identifier-detector.md should contain the current figures: " + summary);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
