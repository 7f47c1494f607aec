using System.Diagnostics;
using System.Text.RegularExpressions;

namespace JepBot.Tests.Support;

/// <summary>
/// A program started beside the tests or the benchmark (Azurite, the Agents Playground, JepBot itself): its output
/// read line by line and kept for failure messages, a way to wait for the line that says it is ready, and a kill of
/// its whole process tree on dispose, so nothing is left running after a test. Compiled into the benchmark tool too.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly int _keepLines;
    private readonly Action<string>? _echo;
    private readonly Queue<string> _lines = new();
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];
    private Task _exited = Task.CompletedTask;

    private ChildProcess(Process process, string name, int keepLines, Action<string>? echo)
    {
        _process = process;
        _name = name;
        _keepLines = keepLines;
        _echo = echo;
    }

    /// <summary>The OS process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the program wrote (stdout and stderr together), for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join("\n", _lines);
            }
        }
    }

    /// <summary>Starts <paramref name="start"/> with its output redirected. <paramref name="name"/> names it in errors.</summary>
    /// <param name="echo">Also hands every line to this, e.g. to show a child's errors on the console.</param>
    /// <exception cref="InvalidOperationException">The program could not be started (e.g. node not on PATH).</exception>
    public static ChildProcess Start(ProcessStartInfo start, string name, int keepLines = 400, Action<string>? echo = null)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned nothing.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start {name} with '{start.FileName}' ({exception.Message}); is it on PATH?", exception);
        }

        var child = new ChildProcess(process, name, keepLines, echo);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Not the Exited event: it can come before the last lines are read. WaitForExitAsync also waits until both
        // output streams are read to their end, so a program that dies leaves all it said in Output.
        child._exited = process.WaitForExitAsync();
        return child;
    }

    /// <summary>
    /// The first line, already written or still to come, that matches <paramref name="pattern"/>. Fails with the
    /// program's output when it exits first or does not write such a line within <paramref name="timeout"/>.
    /// </summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success) is { } seen)
            {
                return seen;
            }

            _waiters.Add((pattern, found));
        }

        var first = await Task.WhenAny(found.Task, _exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (first == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        lock (_lines)
        {
            _waiters.RemoveAll(w => w.Found == found);
        }

        // The line may have come in the moment before the program exited.
        if (found.Task.IsCompleted)
        {
            return await found.Task.ConfigureAwait(false);
        }

        throw first == _exited
            ? new InvalidOperationException($"{_name} exited before it wrote a line like /{pattern}/.{Environment.NewLine}{Output}")
            : new TimeoutException($"{_name} wrote no line like /{pattern}/ within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Output}");
    }

    /// <summary>SIGKILL to the program and everything it started: no shutdown, no flushing, as when a machine dies.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Gone already.
        }
    }

    /// <summary>Kills the process tree and waits (at most 10 s) until it is gone.</summary>
    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A zombie the kernel will reap; nothing more a test can do.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _echo?.Invoke(line);
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _keepLines)
            {
                _lines.Dequeue();
            }

            foreach (var waiter in _waiters.ToList())
            {
                if (waiter.Pattern.Match(line) is { Success: true } match)
                {
                    waiter.Found.TrySetResult(match);
                    _waiters.Remove(waiter);
                }
            }
        }
    }
}
