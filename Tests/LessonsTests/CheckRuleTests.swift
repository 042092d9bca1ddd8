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
      "within ×1.25 of metric task_durations", .within(.factor(1.25), of: .metric("task_durations"))
    ),
    ("within x1.5 of t", .within(.factor(1.5), of: .metric("t"))),
    ("within × 2 of t", .within(.factor(2), of: .metric("t"))),
    ("WITHIN ± 0.5 OF elapsed", .within(.plusMinus(0.5, unit: nil), of: .metric("elapsed"))),
    ("within 0.5 of elapsed", .within(.plusMinus(0.5, unit: nil), of: .metric("elapsed"))),
    (
      "within ± 0.5 durations of metric task_durations",
      .within(.plusMinus(0.5, unit: "durations"), of: .metric("task_durations"))
    ),
    ("within ±100ms of t", .within(.plusMinus(100, unit: "ms"), of: .metric("t"))),
    ("within ± 0.1 x of t", .within(.plusMinus(0.1, unit: "x"), of: .metric("t"))),
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
    ("within ± 25 metric x", "expected 'of', found 'metric'", 12),
    (
      "within 25% of metric x",
      "'within 25%' is not symmetric (25% below is further off than 25% above); write "
        + "'within ± 0.5 of …' (a distance in the answer's unit, such as ± 0.5 durations) or "
        + "'within ×1.25 of …' (a ratio)", 7
    ),
    (
      "within lots of metric x",
      "expected a tolerance after 'within', such as ± 0.5 or ×1.25, found 'lots'", 7
    ),
    ("within ×1 of x", "a ratio tolerance is above 1, such as ×1.25 (×1 would be 'equals')", 7),
    ("within x0.8 of x", "a ratio tolerance is above 1, such as ×1.25 (×1 would be 'equals')", 7),
    (
      "within 1.25x of x",
      "'within 1.25x' is ambiguous; write 'within ×1.25 of …' for a ratio or "
        + "'within ± 1.25 x of …' for a distance", 7
    ),
    ("within × of x", "expected a ratio after '×', such as ×1.25, found 'of'", 9),
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
    #expect(try CheckRule.parse("within ×1.05 of x.y").metricPaths == ["x.y"])
  }

  @Test func roundTrip() throws {
    for text in [
      "metric final < 2_000_000", "within ×1.25 of metric t", "within ± 0.5 durations of t",
      "within ± 3 of t", "equals metric p", "at most metric m",
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
      "final: 1,234,567; expected: 2,000,000",
      "measured 1,234,567 < 2,000,000 is true, as you predicted"
    ),
    (
      "metric final < 2000000", .truth(false), .incorrect, "final: 1,234,567",
      "measured 1,234,567 < 2,000,000 is true; you predicted false"
    ),
    (
      "metric ppid == metric parent.pid", .truth(true), .correct,
      "ppid: 4,242; parent.pid: 4,242",
      "measured 4,242 == 4,242 is true, as you predicted"
    ),
    (
      "metric pid == metric parent.pid", .truth(true), .incorrect,
      "pid: 4,300; parent.pid: 4,242",
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
      "within ×1.25 of metric elapsed", .number(4), .correct, "3.6",
      "you said 4, measured 3.6: 1.11× too high, within ×1.25"
    ),
    (
      "within ×1.25 of metric elapsed", .number(5), .incorrect, "3.6",
      "you said 5, measured 3.6: 1.39× too high, more than ×1.25"
    ),
    (
      "within ×1.25 of metric elapsed", .number(2.88), .correct, "3.6",
      "you said 2.88, measured 3.6: 1.25× too low, within ×1.25"
    ),
    (
      "within ×1.25 of metric elapsed", .number(0), .incorrect, "3.6",
      "you said 0, measured 3.6: not within ×1.25 of it"
    ),
    (
      "within 0.5 of metric elapsed", .number(4), .correct, "3.6",
      "you said 4, measured 3.6: 0.4 above, within ± 0.5"
    ),
    (
      "within ± 0.5 of metric elapsed", .number(3), .incorrect, "3.6",
      "you said 3, measured 3.6: 0.6 below, more than ± 0.5"
    ),
    (
      "within ± 0.5 of metric elapsed", .number(3.6), .correct, "3.6",
      "you said 3.6, measured 3.6: exact"
    ),
    (
      "within ± 0.5 of metric elapsed", .number(3.0999999), .incorrect, "3.6",
      "you said 3.1, measured 3.6: just over 0.5 below, more than ± 0.5"
    ),
    (
      "within ×1.1 of metric task_durations", .number(1), .correct, "1.05 (median of 4)",
      "you said 1, measured 1.05: 1.05× too low, within ×1.1"
    ),
    (
      "within ×1.01 of metric stats", .number(2), .correct, "2 (median)",
      "you said 2, measured 2: exact"
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
      "answer > metric final", .number(2_000_000), .correct, "final: 1,234,567",
      "with your 2,000,000: 2,000,000 > 1,234,567 is true"
    ),
    (
      "metric same_heap == true", .truth(true), .correct, "same_heap: true",
      "measured true == true is true, as you predicted"
    ),
    (
      "metric final > 1 and metric ppid < 10 or metric pid > 4000", .truth(true), .correct,
      "final: 1,234,567; ppid: 4,242; pid: 4,300",
      "measured 1,234,567 > 1 and 4,242 < 10 or 4,300 > 4,000 is true, as you predicted"
    ),
    (
      "metric missing > 1", .truth(true), .undetermined, "", "the demo did not report missing"
    ),
    (
      "metric nothing > 1", .truth(true), .undetermined, "", "nothing is null, not a value"
    ),
    (
      "metric cwd > 1", .truth(true), .undetermined, "cwd: /home/me", "cannot order /home/me and 1"
    ),
    (
      "metric final < expected", .number(3), .undetermined,
      "final: 1,234,567; expected: 2,000,000",
      "this prediction is true or false, not 3"
    ),
    (
      "within ±5 of metric final", .text("lots"), .undetermined, "1,234,567",
      "this prediction is a number, not lots"
    ),
    (
      "within ×2 of metric final", .number(1), .incorrect, "1,234,567",
      "you said 1, measured 1,234,567: 1234567× too low, more than ×2"
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
    let result = try Self.outcome("within ±0.5 of metric elapsed", .number(4), unit: "s")
    #expect(result.measured == "3.6 s")
    #expect(result.explanation == "you said 4 s, measured 3.6 s: 0.4 s above, within ± 0.5 s")
  }

  @Test func evaluatesAgainstAReport() throws {
    let rule = try CheckRule.parse("metric ppid == metric parent.pid")
    let metrics: [String: JSONValue] = ["ppid": 7, "parent": ["pid": 7]]
    let result = rule.evaluate(
      answer: .truth(true), metrics: { JSONValue.object(metrics).path($0) })
    #expect(result.isCorrect)
  }
}

/// Answers equally far off on a rule's own scale get the same verdict, for every tolerance
/// form: ± d on the answer's scale, ×f on a ratio scale. (The old `within 25% of 4` marked 3
/// wrong and 5 right.)
@Suite("Tolerances are symmetric")
struct ToleranceSymmetryTests {
  static func verdict(_ rule: String, _ answer: Double, measured: Double) throws -> Bool {
    let metrics: JSONValue = ["m": .number(measured)]
    return try CheckRule.parse(rule).evaluate(
      answer: .number(answer), metrics: { metrics.path($0) }
    ).isCorrect
  }

  @Test func theIssuesExample() throws {
    // 3 and 5 around 4, on a ratio scale: 4 ÷ 3 and 5 ÷ 4 are not equally far off (1.33 and
    // 1.25), but 3.2 and 5 are (both 1.25).
    #expect(try Self.verdict("within ×1.25 of metric m", 5, measured: 4))
    #expect(try Self.verdict("within ×1.25 of metric m", 3.2, measured: 4))
    #expect(try !Self.verdict("within ×1.25 of metric m", 3, measured: 4))
    #expect(try Self.verdict("within ± 1 of metric m", 3, measured: 4))
    #expect(try Self.verdict("within ± 1 of metric m", 5, measured: 4))
  }

  @Test func plusMinusGivesTheSameVerdictOnBothSides() throws {
    var generator = SplitMix(seed: 15)
    for _ in 0..<2000 {
      let measured = generator.next(in: -50...50)
      let delta = generator.next(in: 0.01...10)
      let distance = generator.next(in: 0...20)
      let rule = "within ± \(delta) of metric m"
      let above = try Self.verdict(rule, measured + distance, measured: measured)
      let below = try Self.verdict(rule, measured - distance, measured: measured)
      #expect(above == below, "\(rule): measured \(measured), ± \(distance)")
      if abs(distance - delta) > 1e-6 { #expect(above == (distance < delta)) }
    }
  }

  @Test func factorGivesTheSameVerdictForTimesAndOver() throws {
    var generator = SplitMix(seed: 16)
    for _ in 0..<2000 {
      let measured = generator.next(in: 0.001...1e6)
      let factor = generator.next(in: 1.01...4)
      let ratio = generator.next(in: 1...6)
      let rule = "within ×\(factor) of metric m"
      let high = try Self.verdict(rule, measured * ratio, measured: measured)
      let low = try Self.verdict(rule, measured / ratio, measured: measured)
      #expect(high == low, "\(rule): measured \(measured), ×/÷ \(ratio)")
      if abs(ratio - factor) > 1e-6 { #expect(high == (ratio < factor)) }
    }
  }

  @Test func theSentenceNeverContradictsTheVerdict() throws {
    // Near the limit, rounded figures must still say "within" only when the verdict is right.
    var generator = SplitMix(seed: 17)
    for _ in 0..<2000 {
      let measured = generator.next(in: 0.1...100)
      let answer = measured * generator.next(in: 0.7...1.3)
      let metrics: JSONValue = ["m": .number(measured)]
      for rule in ["within ×1.2 of metric m", "within ± \(measured / 5) of metric m"] {
        let outcome = try CheckRule.parse(rule).evaluate(
          answer: .number(answer), metrics: { metrics.path($0) })
        let saysWithin =
          outcome.explanation.contains("within") || outcome.explanation.hasSuffix("exact")
        #expect(saysWithin == outcome.isCorrect, "\(rule), \(answer): \(outcome.explanation)")
      }
    }
  }
}

extension SplitMix {
  /// A uniform double in `range`, from the generator in ParserTests (so a failure repeats).
  mutating func next(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + Double(next() >> 11) / Double(1 << 53)
      * (range.upperBound - range.lowerBound)
  }
}

/// Figures named by their declared labels, formatted by their declared units; a miss about a
/// fact is told apart from a miss about a measurement that varies.
@Suite("Verdicts speak the contract's language")
struct VerdictLanguageTests {
  static let declared: [MetricDeclaration] = [
    .measured(
      "bandwidth.<size:bytes>.bytes_per_second", "pipe bandwidth at <size> writes",
      .bytesPerSecond, "bytes moved per second"),
    .fact("ppid", "the child's parent process id", .pid, "getppid()"),
    .fact("parent.pid", "the REPL's process id", .pid, "getpid()"),
    .measured("none.max_final", "the highest final count without a lock", .count, "max"),
    .fact("none.expected", "the count without lost updates", .count, "n × processes"),
    .measured("task_durations", "the pool's time in task durations", .durations, "total ÷ d"),
    .measured("both", "the share of time both ran", .fraction, "overlap"),
    .measured("late", "how late urgent ran", .seconds, "delay"),
    .measured("slowdown", "fork slowdown", .ratio, "after ÷ before"),
  ]

  static func outcome(
    _ rule: String, _ answer: PredictAnswer, _ metrics: JSONValue, unit: String? = nil
  )
    throws -> CheckOutcome
  {
    try CheckRule.parse(rule).evaluate(
      answer: answer, metrics: { metrics.path($0) }, unit: unit, declarations: declared)
  }

  @Test func labelsAndUnitsInsteadOfPaths() throws {
    let metrics: JSONValue = [
      "bandwidth": ["65536": ["bytes_per_second": 3.88e9], "64": ["bytes_per_second": 5.12e7]]
    ]
    let o = try Self.outcome(
      "metric bandwidth.65536.bytes_per_second > metric bandwidth.64.bytes_per_second",
      .truth(true), metrics)
    #expect(
      o.figures == [
        "pipe bandwidth at 64 KiB writes: 3.88 GB/s", "pipe bandwidth at 64 B writes: 51.2 MB/s",
      ])
    #expect(o.explanation == "measured 3.88 GB/s > 51.2 MB/s is true, as you predicted")
    #expect(!o.measured.contains("bytes_per_second"))
    #expect(!o.aboutFact)
  }

  @Test func pidsPrintPlainAsEveryTableDoes() throws {
    let metrics: JSONValue = ["ppid": 4242, "parent": ["pid": 4242]]
    let o = try Self.outcome("metric ppid == metric parent.pid", .truth(false), metrics)
    #expect(
      o.figures == ["the child's parent process id: 4242", "the REPL's process id: 4242"])
    #expect(o.explanation == "measured 4242 == 4242 is true; you predicted false")
    #expect(o.aboutFact)
    let e = try Self.outcome("equals metric ppid", .number(4242), metrics)
    #expect(e.explanation == "you said 4242, measured 4242: equal")
  }

  @Test func numbersInTheRuleTakeTheUnitOfTheirMetric() throws {
    let o = try Self.outcome("metric both >= 0.5", .truth(true), ["both": 0.62])
    #expect(o.explanation == "measured 62.0% ≥ 50.0% is true, as you predicted")
    let late = try Self.outcome("metric late > 0.05", .truth(true), ["late": 0.0982])
    #expect(late.explanation == "measured 98.2 ms > 50.0 ms is true, as you predicted")
    let slow = try Self.outcome("metric slowdown >= 2", .truth(true), ["slowdown": 1.84])
    #expect(slow.figures == ["fork slowdown: 1.84×"])
    #expect(slow.explanation == "measured 1.84× ≥ 2.00× is false; you predicted true")
  }

  @Test func aMixOfFactsAndMeasurementsIsMeasured() throws {
    let metrics: JSONValue = ["none": ["expected": 2_000_000, "max_final": 1_400_000]]
    let o = try Self.outcome(
      "answer == metric none.expected and answer >= metric none.max_final", .number(2_000_000),
      metrics)
    #expect(
      o.figures == [
        "the count without lost updates: 2,000,000",
        "the highest final count without a lock: 1,400,000",
      ])
    #expect(!o.aboutFact)
    #expect(try CheckRule.parse("equals metric none.expected").isAboutFact(Self.declared))
  }

  @Test func aMissingFigureIsNamedByItsLabel() throws {
    let o = try Self.outcome("equals metric ppid", .number(1), [:])
    #expect(o.verdict == .undetermined)
    #expect(o.explanation == "the demo did not report the child's parent process id")
  }

  @Test func withinInTheDeclaredUnit() throws {
    let o = try Self.outcome(
      "within ± 0.5 of metric task_durations", .number(4), ["task_durations": 4.3],
      unit: "durations")
    #expect(o.figures == ["4.30 task durations"])
    #expect(
      o.explanation
        == "you said 4 durations, measured 4.30 task durations: 0.3 durations below, within ± 0.5 durations"
    )
    let close = try Self.outcome(
      "within ± 0.5 of metric task_durations", .number(4), ["task_durations": 4.1036],
      unit: "durations")
    #expect(close.explanation.contains(": 0.104 durations below, within ± 0.5 durations"))
  }
}

/// A predict question with `choices` and a numeric rule (`within`, `at least`, `at most`): the
/// chosen choice's text is the number, read in the question's unit (docs/lesson-format.md).
@Suite struct ChoiceNumberTests {
  @Test(
    "a choice's text is read as a number in the question's unit",
    arguments: [
      ("4 s", "s", CheckOutcome.Verdict.correct), ("4000 ms", "s", .correct),
      ("8 s", "s", .incorrect), ("4 durations", "durations", .correct),
      ("4", nil, .correct), ("3.9초", "s", .correct),
    ] as [(String, String?, CheckOutcome.Verdict)])
  func choiceWithin(text: String, unit: String?, verdict: CheckOutcome.Verdict) throws {
    let rule = try CheckRule.parse("within ± 0.5 of metric elapsed")
    let outcome = rule.evaluate(
      answer: .choice(index: 1, label: "b", text: text), metrics: ["elapsed": .number(4.2)],
      unit: unit)
    #expect(outcome.verdict == verdict, "\(text): \(outcome.explanation)")
  }

  @Test func choiceAtLeast() throws {
    let rule = try CheckRule.parse("at least metric elapsed")
    let outcome = rule.evaluate(
      answer: .choice(index: 0, label: "a", text: "5 s"), metrics: ["elapsed": .number(4.2)],
      unit: "s")
    #expect(outcome.verdict == .correct, "\(outcome.explanation)")
  }
}
