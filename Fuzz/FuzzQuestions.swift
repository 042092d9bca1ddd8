// Questions the fuzzers feed answers to: one or more of every kind, with the shapes that take
// different paths through `AnswerParser` (numeric choice texts, units of every family, an
// order of one item, predict rules of every input kind).
import Lessons

enum FuzzQuestions {
  /// Every question kind, several shapes each.
  static let pool: [Question] = {
    let here = SourceLocation(file: "fuzz", line: 1)
    func lettered(_ texts: [String]) -> [Choice] {
      texts.enumerated().map { Choice(label: Choice.label(at: $0.offset), text: $0.element) }
    }
    func rule(_ text: String) -> CheckRule? { try? CheckRule.parse(text) }
    let words = lettered(["fork", "exec", "wait", "exit"])
    let numbers = lettered(["1", "2", "4", "8"])
    var questions: [Question] = [
      Question(
        id: "choice", kind: .choice, ask: "?", choices: words, answer: .choices([1]),
        location: here),
      Question(
        id: "choice-numbers", kind: .choice, ask: "?", choices: numbers, answer: .choices([2]),
        location: here),
      Question(
        id: "multi", kind: .multi, ask: "?", choices: words, answer: .choices([0, 2]),
        location: here),
      Question(id: "truefalse", kind: .truefalse, ask: "?", answer: .truth(true), location: here),
      Question(
        id: "text", kind: .text, ask: "?",
        answer: .text(accepted: ["parent pid", "ppid"], pattern: "p(arent)? ?pid"),
        location: here),
      Question(
        id: "order", kind: .order, ask: "?", items: words, answer: .order([0, 1, 2, 3]),
        location: here),
      Question(
        id: "order-one", kind: .order, ask: "?", items: lettered(["only"]), answer: .order([0]),
        location: here),
      Question(
        id: "order-long", kind: .order, ask: "?",
        items: lettered((1...12).map { "step \($0)" }), answer: .order(Array(0..<12)),
        location: here),
      Question(
        id: "predict-choice", kind: .predict, ask: "?", choices: words,
        demo: DemoInvocation(demo: "ids", arguments: [], location: here),
        check: rule("equals metric name"), location: here),
    ]
    for unit in [nil, "s", "ms", "KiB", "MB", "%", "x", "processes"] as [String?] {
      questions.append(
        Question(
          id: "number-\(unit ?? "plain")", kind: .number, ask: "?",
          answer: .number(.value(4, tolerance: .relative(0.05))), unit: unit, location: here))
    }
    questions.append(
      Question(
        id: "number-range", kind: .number, ask: "?", answer: .number(.range(3, 5)), unit: "s",
        location: here))
    for (unit, check) in [
      (nil, "metric final < 2000000"), ("s", "within 5% of metric elapsed"),
      (nil, "equals metric workers"), ("ms", "at least metric latency"),
      ("processes", "answer > metric a and answer <= 3 or metric ok == true"),
    ] as [(String?, String)] {
      questions.append(
        Question(
          id: "predict-\(check)", kind: .predict, ask: "?", unit: unit,
          demo: DemoInvocation(demo: "ids", arguments: [], location: here), check: rule(check),
          checkText: check, location: here))
    }
    return questions
  }()

  /// Reads `text` as an answer to `question` the way the quiz does, and grades it.
  static func answer(_ text: String, to question: Question) {
    if question.kind == .predict {
      if let prediction = try? AnswerParser.parsePrediction(text, for: question) {
        _ = question.feedback(forPrediction: prediction)
      }
    } else if let answer = try? AnswerParser.parse(text, for: question) {
      _ = question.isCorrect(answer)
      _ = question.feedback(for: answer)
    }
    _ = question.answerText
  }
}
