import DemoContract
import Demos
import Testing

@testable import Lessons

@Suite("Check rules")
struct CheckRuleTests {
  @Test(arguments: [
    (
      "metric final < expected",
      CheckRule.condition([[.init(.metric("final"), .less, .metric("expected"))]])
    ),
    (
      "metric final < 2_000_000", .condition([[.init(.metric("final"), .less, .number(2_000_000))]])
    ),
    ("final<2,000,000", .condition([[.init(.metric("final"), .less, .number(2_000_000))]])),
    (
      "metric ppid == metric parent.pid",
      .condition([[.init(.metric("ppid"), .equal, .metric("parent.pid"))]])
    ),
    ("ppid = parent.pid", .condition([[.init(.metric("ppid"), .equal, .metric("parent.pid"))]])),
    (
      "metric a >= 1 and metric b != 0 or metric c ≤ 2",
      .condition([
        [
          .init(.metric("a"), .greaterOrEqual, .number(1)),
          .init(.metric("b"), .notEqual, .number(0)),
        ],
        [.init(.metric("c"), .lessOrEqual, .number(2))],
      ])
    ),
    ("answer > metric cores", .condition([[.init(.answer, .greater, .metric("cores"))]])),
    ("metric cwd != \"/\"", .condition([[.init(.metric("cwd"), .notEqual, .text("/"))]])),
    ("metric same_heap == true", .condition([[.init(.metric("same_heap"), .equal, .truth(true))]])),
    (
      "within 25% of metric task_durations", .within(.relative(0.25), of: .metric("task_durations"))
    ),
    ("WITHIN ± 0.5 OF elapsed", .within(.absolute(0.5), of: .metric("elapsed"))),
    ("equals metric new_ppid", .equals(.metric("new_ppid"))),
    ("at least metric cores", .atLeast(.metric("cores"))),
    ("at most metric limit.max", .atMost(.metric("limit.max"))),
    ("metric x > -1.5e3", .condition([[.init(.metric("x"), .greater, .number(-1500))]])),
  ])
  func parses(text: String, rule: CheckRule) throws {
    #expect(try CheckRule.parse(text) == rule)
  }

  @Test(arguments: [
    ("", "empty check rule; write e.g. 'metric final < 2000000' or 'equals metric pid'", 0),
    ("metric", "expected a metric name after 'metric', found the end of the rule", 6),
    ("metric final <", "expected a metric, a number or 'answer', found the end of the rule", 14),
    (
      "metric final",
      "expected a comparison (<, <=, >, >=, ==, !=) after metric final, found the end of the rule",
      12
    ),
    ("metric final < 1,5", "'1,5' is not a number", 15),
    ("within 25% metric x", "expected 'of', found 'metric'", 11),
    (
      "within lots of metric x",
      "expected a tolerance after 'within', such as 25% or 0.5, found 'lots'", 7
    ),
    ("at best metric x", "expected 'least' or 'most' after 'at', found 'best'", 3),
    ("equals answer", "compare the answer with a metric, not with itself", 7),
    ("answer > 3", "the rule reads no metric; name one as 'metric <name>'", 0),
    ("metric a < 1 2", "expected 'and', 'or' or the end of the rule, found '2'", 13),
    ("equals metric x y", "expected the end of the rule, found 'y'", 16),
    ("metric a.. > 1", "'a..' is not a metric name", 7),
    ("metric a < \"open", "quoted text is not closed", 11),
    ("metric a $ 1", "unexpected '$' in check rule", 9),
  ])
  func errors(text: String, message: String, offset: Int) {
    do {
      let rule = try CheckRule.parse(text)
      Issue.record("parsed as \(rule)")
    } catch {
      #expect(error.message == message)
      #expect(error.offset == offset)
    }
  }

  @Test func metricPaths() throws {
    #expect(
      try CheckRule.parse("metric ppid == metric parent.pid and ppid > 1").metricPaths == [
        "ppid", "parent.pid",
      ])
    #expect(try CheckRule.parse("within 5% of x.y").metricPaths == ["x.y"])
  }

  @Test func roundTrip() throws {
    for text in [
      "metric final < 2_000_000", "within 25% of metric t", "equals metric p", "at most metric m",
    ] {
      let rule = try CheckRule.parse(text)
      #expect(try CheckRule.parse(rule.description) == rule)
    }
  }

  static let metrics: JSONValue = [
    "final": 1_234_567, "expected": 2_000_000, "ppid": 4242, "pid": 4300, "cwd": "/home/me",
    "parent": ["pid": 4242, "uid": 1000], "elapsed": 3.6, "task_durations": [1.1, 0.9, 1.0, 5.0],
    "stats": ["median": 2.0, "mean": 2.5], "same_heap": true, "nothing": .null, "sync": "atomic",
  ]

  static func outcome(_ rule: String, _ answer: PredictAnswer, unit: String? = nil) throws
    -> CheckOutcome
  {
    try CheckRule.parse(rule).evaluate(answer: answer, metrics: { metrics.path($0) }, unit: unit)
  }

  @Test(arguments: [
    (
      "metric final < expected", PredictAnswer.truth(true), CheckOutcome.Verdict.correct,
      "final = 1,234,567, expected = 2,000,000",
      "measured 1,234,567 < 2,000,000 is true, as you predicted"
    ),
    (
      "metric final < 2000000", .truth(false), .incorrect, "final = 1,234,567",
      "measured 1,234,567 < 2,000,000 is true; you predicted false"
    ),
    (
      "metric ppid == metric parent.pid", .truth(true), .correct,
      "ppid = 4,242, parent.pid = 4,242",
      "measured 4,242 == 4,242 is true, as you predicted"
    ),
    (
      "metric pid == metric parent.pid", .truth(true), .incorrect,
      "pid = 4,300, parent.pid = 4,242",
      "measured 4,300 == 4,242 is false; you predicted true"
    ),
    (
      "equals metric parent.pid", .number(4242), .correct, "4,242",
      "you said 4,242, measured 4,242: equal"
    ),
    (
      "equals metric parent.pid", .text("4242"), .correct, "4,242",
      "you said 4,242, measured 4,242: equal"
    ),
    (
      "equals metric ppid", .number(4243), .incorrect, "4,242",
      "you said 4,243, measured 4,242: not equal"
    ),
    (
      "equals metric cwd", .text(" /home/me "), .correct, "/home/me",
      "you said  /home/me , measured /home/me: equal"
    ),
    (
      "equals metric sync", .choice(index: 1, label: "b", text: "atomic"), .correct, "atomic",
      "you said b) atomic, measured atomic: equal"
    ),
    (
      "within 25% of metric elapsed", .number(4), .correct, "3.6",
      "you said 4, measured 3.6: 11% off, within 25%"
    ),
    (
      "within 25% of metric elapsed", .number(5), .incorrect, "3.6",
      "you said 5, measured 3.6: 39% off, more than 25%"
    ),
    (
      "within 0.5 of metric elapsed", .number(4), .correct, "3.6",
      "you said 4, measured 3.6: off by 0.4, within ± 0.5"
    ),
    (
      "within 10% of metric task_durations", .number(1), .correct, "1.05 (median of 4)",
      "you said 1, measured 1.05: 5% off, within 10%"
    ),
    (
      "within 1% of metric stats", .number(2), .correct, "2 (median)",
      "you said 2, measured 2: 0% off, within 1%"
    ),
    (
      "at least metric parent.uid", .number(1000), .correct, "1,000",
      "you said 1,000, measured 1,000: 1,000 = 1,000, at least the measurement"
    ),
    (
      "at most metric parent.uid", .number(1001), .incorrect, "1,000",
      "you said 1,001, measured 1,000: 1,001 > 1,000, not at most the measurement"
    ),
    (
      "answer > metric final", .number(2_000_000), .correct, "final = 1,234,567",
      "with your 2,000,000: 2,000,000 > 1,234,567 is true"
    ),
    (
      "metric same_heap == true", .truth(true), .correct, "same_heap = true",
      "measured true == true is true, as you predicted"
    ),
    (
      "metric final > 1 and metric ppid < 10 or metric pid > 4000", .truth(true), .correct,
      "final = 1,234,567, ppid = 4,242, pid = 4,300",
      "measured 1,234,567 > 1 and 4,242 < 10 or 4,300 > 4,000 is true, as you predicted"
    ),
    (
      "metric missing > 1", .truth(true), .undetermined, "", "the demo reported no metric 'missing'"
    ),
    (
      "metric nothing > 1", .truth(true), .undetermined, "", "metric 'nothing' is null, not a value"
    ),
    (
      "metric cwd > 1", .truth(true), .undetermined, "cwd = /home/me", "cannot order /home/me and 1"
    ),
    (
      "metric final < expected", .number(3), .undetermined,
      "final = 1,234,567, expected = 2,000,000",
      "this prediction is true or false, not 3"
    ),
    (
      "within 5% of metric final", .text("lots"), .undetermined, "1,234,567",
      "this prediction is a number, not lots"
    ),
  ])
  func evaluates(
    rule: String, answer: PredictAnswer, verdict: CheckOutcome.Verdict, measured: String,
    explanation: String
  ) throws {
    let result = try Self.outcome(rule, answer)
    #expect(result.verdict == verdict)
    #expect(result.isCorrect == (verdict == .correct))
    #expect(result.measured == measured)
    #expect(result.explanation == explanation)
  }

  @Test func unitsInExplanations() throws {
    let result = try Self.outcome("within 25% of metric elapsed", .number(4), unit: "s")
    #expect(result.measured == "3.6 s")
    #expect(result.explanation == "you said 4 s, measured 3.6 s: 11% off, within 25%")
  }

  @Test func evaluatesAgainstAReport() throws {
    let rule = try CheckRule.parse("metric ppid == metric parent.pid")
    let metrics: [String: JSONValue] = ["ppid": 7, "parent": ["pid": 7]]
    let result = rule.evaluate(
      answer: .truth(true), metrics: { JSONValue.object(metrics).path($0) })
    #expect(result.isCorrect)
  }
}
