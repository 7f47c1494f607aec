using System.Text;

namespace JepBot.Tests.Reliability;

/// <summary>
/// docs/reliability.md is written by the test run: each reliability test replaces its own section (between
/// <c>&lt;!-- name --&gt;</c> and <c>&lt;!-- /name --&gt;</c>) with what it measured, so the document always says what the
/// last run found and how to repeat it.
/// </summary>
public static class ReliabilityReport
{
    private static readonly object Gate = new();

    public static string FilePath => Support.RepositoryPaths.Combine("docs", "reliability.md");

    public static void Write(string section, string markdown)
    {
        lock (Gate)
        {
            var (start, end) = ($"<!-- {section} -->", $"<!-- /{section} -->");
            var text = File.Exists(FilePath) ? File.ReadAllText(FilePath) : "# Reliability\n\nWritten by the tests in `JepBot.Tests/Reliability` on every run.\n";
            var block = new StringBuilder().Append(start).Append('\n').Append(markdown.TrimEnd()).Append('\n').Append(end).ToString();
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            text = from >= 0 && to > from
                ? text[..from] + block + text[(to + end.Length)..]
                : text.TrimEnd() + "\n\n" + block + "\n";
            File.WriteAllText(FilePath, text);
        }
    }
}
