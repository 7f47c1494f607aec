using JepBot.Dialogs.Flows.Werkwijze;
using JepBot.Dialogs.Insight;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace JepBot.Tests.Dialogs.Flows;

/// <summary>
/// What the dialogs report for the municipality's insight (docs/insight.md): a walk counted once as started and once
/// as finished with its outcome or as ended at the open question; legal frames per item; nothing in practice mode.
/// </summary>
public sealed class InsightRecordingTests
{
    private static readonly string[] ToConsent =
        ["safety=no", "profession=youthWorker", "age=16to17", "signals=ideology+onlineContent", "counterSignals=openToTalk", "ownWords=-",
         "scope=risk", "advice=colleague+ess", "adviceOutcome=concernRemains", "conversation=spoken", "riskFor=environment", "riskLevel=serious"];

    private static readonly string[] ToDoNotShare = [.. ToConsent, "consent=refused", "legalDuty=no", "seriousHarm=no", "doNotShare=record"];

    private readonly Recorder _recorder = new();

    private WerkwijzeDriver Driver() => new(insight: _recorder);

    [Fact]
    public async Task A_walk_to_the_record_counts_started_finished_and_the_decision_it_reached()
    {
        var driver = Driver();
        await driver.StartAsync();

        await driver.WalkAsync(ToDoNotShare);

        Assert.Equal(["concern-started", "concern-finished", "concern-outcome:doNotShare"], _recorder.Names);
    }

    [Fact]
    public async Task The_outcome_is_the_last_decision_on_the_path_after_an_acute_start()
    {
        var driver = Driver();
        await driver.StartAsync();

        await driver.WalkAsync(["safety=yes", "acute=continue", "profession=teacher", "age=under12", "signals=changedBehaviour", "counterSignals=noneYet", "ownWords=-", "scope=unsure", "advice=notYet", "adviceOutcome=keepObserving", "keepObserving=record"]);

        Assert.Equal(["concern-started", "concern-finished", "concern-outcome:keepObserving"], _recorder.Names);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("menu")]
    [InlineData("regels")]             // starts the legal frames as a feature, in place of the walk
    public async Task Leaving_before_the_record_counts_the_question_that_was_open(string leave)
    {
        var driver = Driver();
        await driver.StartAsync();
        await driver.WalkAsync(ToConsent);

        await driver.SayAsync(leave);

        Assert.Equal(["concern-started", "concern-ended-at:consent"], _recorder.Names);
    }

    [Fact]
    public async Task A_route_to_exit_counts_as_ended_at_the_step_that_led_there_and_a_new_walk_as_started_again()
    {
        var driver = Driver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no", "profession=doctor", "age=23plus", "outOfScope=done"]);

        await driver.SayAsync("zorg");
        await driver.SayAsync("zorg");

        Assert.Equal(["concern-started", "concern-ended-at:outOfScope", "concern-started", "concern-ended-at:safety", "concern-started"], _recorder.Names);
    }

    [Fact]
    public async Task Back_to_the_first_question_a_language_change_and_help_count_nothing_more()
    {
        var driver = Driver();
        await driver.StartAsync();
        await driver.WalkAsync(["safety=no"]);

        await driver.SayAsync("terug");
        await driver.SayAsync("taal en");
        await driver.SayAsync("help");
        await driver.SayAsync("taal nl");

        Assert.Equal(["concern-started"], _recorder.Names);
    }

    [Fact]
    public async Task Each_legal_frame_opened_is_counted_once_also_when_shown_again_in_another_language()
    {
        var driver = Driver();
        await driver.SayAsync("juridische kaders");
        await driver.ChooseAsync("profession");
        await driver.ChooseAsync("youthWork");
        await driver.SayAsync("taal en");
        await driver.ChooseAsync("another");
        await driver.ChooseAsync("topic");
        await driver.ChooseAsync("consent");
        await driver.SayAsync("terug");

        Assert.Equal(["legal-frame-opened:youthWork", "legal-frame-opened:consent"], _recorder.Names);
    }

    [Fact]
    public async Task A_walk_started_with_the_practice_option_counts_nothing_not_even_the_legal_frames_opened_inside_it()
    {
        var driver = Driver();
        await driver.Harness.CustomTurnAsync(async (runner, context, ct) =>
        {
            // As the practice mode starts it: the Werkwijze with options {"practice": caseId}.
            var (turn, _) = await runner.LoadAsync(context, ct);
            await runner.BeginAsync(turn, WerkwijzeDialog.DialogId, new JObject { [InsightRecording.PracticeOption] = "case-3" }, isInterruption: false, ct);
        });
        await driver.WalkAsync(ToConsent);
        await driver.SayAsync("juridische kaders");
        await driver.ChooseAsync("topic");
        await driver.ChooseAsync("consent");
        await driver.ChooseAsync("done");
        await driver.WalkAsync(["consent=refused", "legalDuty=no", "seriousHarm=no", "doNotShare=record"]);
        Assert.Empty(_recorder.Events);

        await driver.Harness.CustomTurnAsync(async (runner, context, ct) =>
        {
            var (turn, _) = await runner.LoadAsync(context, ct);
            await runner.BeginAsync(turn, WerkwijzeDialog.DialogId, new JObject { [InsightRecording.PracticeOption] = "case-3" }, isInterruption: false, ct);
        });
        await driver.SayAsync("stop");
        Assert.Empty(_recorder.Events);

        // The same conversation, for real: counted.
        await driver.SayAsync("zorg");
        Assert.Equal(["concern-started"], _recorder.Names);
    }

    [Fact]
    public async Task A_practice_case_started_with_oefenen_counts_nothing()
    {
        var driver = Driver();
        var practiceCase = JepBot.Dialogs.Content.PracticeCasesValidator.Default.Cases.First(c => c.Model.ContainsKey("safety"));
        await driver.SayAsync("hallo");

        var started = await driver.SayAsync("oefenen " + practiceCase.Id);
        Assert.Contains(started, r => r.AllText.Contains("Oefening", StringComparison.Ordinal));
        await driver.SayAsync("juridische kaders");
        await driver.ChooseAsync("topic");
        await driver.ChooseAsync("consent");
        await driver.SayAsync("stop");

        Assert.Empty(_recorder.Events);
    }

    [Fact]
    public void The_catalog_allows_only_content_ids_of_the_right_kind()
    {
        var catalog = InsightCatalog.Default;

        Assert.True(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernEndedAt, "consent")));
        Assert.True(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernOutcome, "doNotShare")));
        Assert.True(catalog.Allows(InsightEvent.Of(InsightMetric.LegalFrameOpened, "youthWork")));
        Assert.True(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernStarted)));
        Assert.False(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernOutcome, "consent")));         // a step, but no decision
        Assert.False(catalog.Allows(InsightEvent.Of(InsightMetric.LegalFrameOpened, "doNotShare")));    // a step, not a legal frame
        Assert.False(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernEndedAt, "Jan de Vries 0612345678")));
        Assert.False(catalog.Allows(InsightEvent.Of(InsightMetric.ConcernStarted, "consent")));         // no key for this metric
        Assert.False(catalog.Allows(InsightEvent.Of((InsightMetric)99)));
        Assert.False(InsightEvent.Of(InsightMetric.ConcernEndedAt, "0612345678").IsWellFormed);
        Assert.False(InsightEvent.Of(InsightMetric.ConcernEndedAt, "jan@example.org").IsWellFormed);
    }

    [Fact]
    public void Every_step_and_legal_frame_in_content_can_be_counted()
    {
        // A content id that did not fit the key shape would silently never be counted.
        Assert.All(WerkwijzeDriver.Content.Steps, s => Assert.True(InsightCatalog.Default.Allows(InsightEvent.Of(InsightMetric.ConcernEndedAt, s.Id)), s.Id));
        Assert.All(JepBot.Dialogs.Content.LegalFramesValidator.Default.Items, i => Assert.True(InsightCatalog.Default.Allows(InsightEvent.Of(InsightMetric.LegalFrameOpened, i.Id)), i.Id));
        Assert.Equal(
            ["acute", "outOfScope", "noRiskNeeded", "concernGone", "keepObserving", "ordinaryCare", "shareWithConsent", "legalDutyShare", "shareConflict", "doNotShare", "record"],
            InsightCatalog.Default.Outcomes);
    }

    private sealed class Recorder : IInsightRecorder
    {
        public List<(string? Team, InsightEvent Event)> Events { get; } = [];

        public List<string> Names => [.. Events.Select(e => e.Event.ToString())];

        public void Record(ITurnContext turnContext, string? teamId, InsightEvent insightEvent) => Events.Add((teamId, insightEvent));
    }
}
