using System.Diagnostics;
using System.Text.RegularExpressions;

namespace JepBot.Tests.Support;

/// <summary>The fixtures' child-process helper: waiting for a ready line, failing with the output, leaving nothing running.</summary>
public sealed class ChildProcessTests
{
    private static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

    [Fact]
    public async Task Finds_a_ready_line_written_before_or_after_the_wait_began()
    {
        await using var child = ChildProcess.Start(Shell("echo 'Listening on 4711'; sleep 0.3; echo 'ready: yes' >&2; sleep 30"), "sh");

        var late = await child.WaitForLineAsync(new Regex(@"ready: (?<answer>\w+)"), TimeSpan.FromSeconds(10));
        var early = await child.WaitForLineAsync(new Regex(@"Listening on (?<port>\d+)"), TimeSpan.FromSeconds(10));

        Assert.Equal("yes", late.Groups["answer"].Value);
        Assert.Equal("4711", early.Groups["port"].Value);
    }

    [Fact]
    public async Task A_program_that_exits_before_it_is_ready_fails_the_wait_with_its_output()
    {
        await using var child = ChildProcess.Start(Shell("echo 'port already in use' >&2; exit 3"), "sh");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => child.WaitForLineAsync(new Regex("Listening"), TimeSpan.FromSeconds(10)));

        Assert.Contains("exited before", failure.Message);
        Assert.Contains("port already in use", failure.Message);
    }

    [Fact]
    public async Task A_program_that_never_gets_ready_times_out_with_its_output()
    {
        await using var child = ChildProcess.Start(Shell("echo 'still loading'; sleep 30"), "sh");

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitForLineAsync(new Regex("Listening"), TimeSpan.FromMilliseconds(500)));

        Assert.Contains("still loading", failure.Message);
    }

    [Fact]
    public async Task Dispose_kills_the_whole_process_tree()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), "jepbot-child-" + Guid.NewGuid().ToString("N"));
        var child = ChildProcess.Start(Shell($"sleep 60 & echo $! > {pidFile}; echo started; wait"), "sh");
        await child.WaitForLineAsync(new Regex("started"), TimeSpan.FromSeconds(10));
        var grandchild = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));

        await child.DisposeAsync();

        Assert.True(grandchild.WaitForExit(TimeSpan.FromSeconds(10)), "the program's own child still runs");
        File.Delete(pidFile);
    }

    [Fact]
    public void A_program_that_is_not_there_fails_with_its_name()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ChildProcess.Start(new ProcessStartInfo("no-such-program-jepbot"), "The Playground"));

        Assert.Contains("The Playground", failure.Message);
    }
}
