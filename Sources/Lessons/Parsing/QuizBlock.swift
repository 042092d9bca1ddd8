import Localization

// Reading one quiz block into a Question: field keys checked, id and kind, the parts every
// kind shares. Fields are scanned in QuizFieldScanning.swift, answers read in QuizAnswers.swift.
extension LessonFileParser {
  static let quizKeys = [
    "id", "kind", "ask", "choices", "items", "answer", "accept", "pattern", "tolerance", "range",
    "unit", "demo", "check", "hint", "explain", "feedback", "retries", "step",
    "points",
  ]

  static let kindAliases: [String: String] = [
    "true-false": "truefalse", "tf": "truefalse", "boolean": "truefalse", "bool": "truefalse",
    "yesno": "truefalse", "multiple": "multi", "checkbox": "multi", "numeric": "number",
    "integer": "number", "ordering": "order", "sequence": "order", "prediction": "predict",
    "single": "choice", "mcq": "choice", "string": "text", "word": "text",
  ]

  /// Reads one quiz block. Returns `nil` (with problems reported) when the question has an
  /// error, so that a quiz never asks a broken question.
  mutating func question(fence: SourceLine, content: Range<Int>, indent: Int) -> Question? {
    let errorsBefore = errorCount
    let fenceLocation = location(fence, fence.text.startIndex)
    let fields = quizFields(content, indent: indent)
    let (first, repeated) = knownFields(fields)
    guard let (id, idField, kind) = idAndKind(first, fenceLocation: fenceLocation) else {
      return nil
    }
    let allowed = QuizKey.allowed(for: kind)
    for field in fields {
      guard let key = field.known, !allowed.contains(key) else { continue }
      error(
        location(field),
        LintPhrase("lint.quiz.notForKind", ["key": field.key, "kind": kind.rawValue]))
    }
    let ask = first["ask"].map { fieldText($0, multiline: true) } ?? ""
    if ask.isEmpty { error(location(idField), LintPhrase("lint.quiz.noAsk", ["id": id])) }

    var question = Question(id: id, kind: kind, ask: ask, location: location(idField))
    sharedParts(&question, first, repeated, allowed: allowed)
    switch kind {
    case .choice, .multi:
      if question.choices.count < 2 {
        error(
          location(first["choices"] ?? idField), LintPhrase("lint.quiz.twoChoices", ["id": id]))
      }
    case .order:
      if question.items.count < 2 {
        error(location(first["items"] ?? idField), LintPhrase("lint.quiz.twoItems", ["id": id]))
      }
    default:
      break
    }

    if kind == .predict {
      predictParts(&question, first)
    } else if errorCount == errorsBefore {
      answerKey(&question, first, repeated)
    }
    if errorCount == errorsBefore {
      for field in repeated.fields where field.key == "feedback" { addFeedback(&question, field) }
    }
    return errorCount == errorsBefore ? question : nil
  }

  /// The fields sorted by key: the first of each key that may be given once, and every
  /// repeatable one (hint, feedback, accept). Unknown and doubled keys are reported.
  mutating func knownFields(_ fields: [QuizField]) -> (
    first: QuizFieldTable, repeated: QuizFieldTable
  ) {
    var first = QuizFieldTable()
    var repeated = QuizFieldTable()
    first.fields.reserveCapacity(fields.count)
    repeated.fields.reserveCapacity(fields.count)
    for field in fields {
      guard let key = field.known else {
        error(
          location(field),
          LintPhrase(
            "lint.quiz.unknownKey",
            Suggestions.nearest(field.key, Self.quizKeys).withNear(["key": field.key])))
        continue
      }
      if let argument = argument(of: field), field.key != "feedback" {
        error(
          location(field),
          LintPhrase("lint.quiz.notAKey", ["key": field.key, "argument": String(argument)]))
        continue
      }
      if key.isRepeatable {
        repeated.add(field)
      } else if let earlier = first[key] {
        error(
          location(field),
          LintPhrase("lint.parse.keyTwice", ["key": field.key, "line": String(earlier.line + 1)]))
      } else {
        first.add(field)
      }
    }
    return (first, repeated)
  }

  /// The question's `id:` and `kind:`, or nil (with the problem reported) when either is
  /// missing or wrong.
  mutating func idAndKind(_ first: QuizFieldTable, fenceLocation: SourceLocation) -> (
    id: String, field: QuizField, kind: QuestionKind
  )? {
    guard let idField = first["id"] else {
      error(fenceLocation, LintPhrase("lint.quiz.noID"))
      return nil
    }
    let id = fieldText(idField, multiline: false)
    guard Scanning.isValidID(id) else {
      error(
        valueLocation(idField),
        LintPhrase("lint.quiz.badID", ["id": id]))
      return nil
    }
    guard let kindField = first["kind"] else {
      error(
        location(idField),
        LintPhrase(
          "lint.quiz.noKind",
          ["id": id, "kinds": QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")]))
      return nil
    }
    let kindText = fieldText(kindField, multiline: false).lowercased()
    guard let kind = QuestionKind(rawValue: kindText) else {
      let names = QuestionKind.allCases.map(\.rawValue)
      let near = Self.kindAliases[kindText] ?? Suggestions.nearest(kindText, names)
      error(
        valueLocation(kindField),
        LintPhrase(
          "lint.quiz.unknownKind",
          near.withNear(["kind": kindText, "kinds": names.joined(separator: ", ")])))
      return nil
    }
    return (id, idField, kind)
  }

  /// The parts every kind of question may have: hints, explanation, step, unit, retries, and
  /// the lettered choices and items where the kind allows them.
  mutating func sharedParts(
    _ question: inout Question, _ first: QuizFieldTable, _ repeated: QuizFieldTable,
    allowed: QuizKey.Set
  ) {
    let id = question.id
    for field in repeated.fields where field.key == "hint" {
      let text = fieldText(field, multiline: true)
      if text.isEmpty {
        error(location(field), LintPhrase("lint.quiz.emptyHint"))
      } else {
        question.hints.append(text)
      }
    }
    if let field = first["explain"] { question.explanation = fieldText(field, multiline: true) }
    if let field = first["step"] {
      // The step that teaches this question, for "to review" (checked once every step is known).
      let step = fieldText(field, multiline: false)
      if step.isEmpty {
        error(location(field), LintPhrase("lint.quiz.stepID"))
      } else {
        question.stepID = step
        explicitSteps[id] = location(field)
      }
    }
    if let field = first["unit"] {
      let unit = fieldText(field, multiline: false)
      if unit.isEmpty { error(location(field), LintPhrase("lint.quiz.unit")) }
      question.unit = unit.isEmpty ? nil : unit
    }
    if let field = first["retries"] {
      let text = fieldText(field, multiline: false)
      if let n = Int(text), n >= 0, n <= 20 {
        question.retries = n
      } else {
        error(valueLocation(field), LintPhrase("lint.quiz.retries"))
      }
    }
    if let field = first["points"] {
      let text = fieldText(field, multiline: false)
      if let n = Int(text), n >= 1, n <= 100 {
        question.points = n
      } else {
        error(valueLocation(field), LintPhrase("lint.quiz.points"))
      }
    }
    if let field = first["choices"], allowed.contains(.choices) {
      question.choices = lettered(field, what: LintPhrase("lint.quiz.choices"))
    }
    if let field = first["items"], allowed.contains(.items) {
      question.items = lettered(field, what: LintPhrase("lint.quiz.items"))
    }
  }

  /// `a)`, `b)`, `c)`… lines, checked to be lettered in order.
  mutating func lettered(_ field: QuizField, what: LintPhrase) -> [Choice] {
    var result: [Choice] = []
    for (n, entry) in field.entries.enumerated() {
      if entry.label != n {
        error(
          location(line: entry.line, offset: entry.offset),
          LintPhrase(
            "lint.quiz.lettered", ["label": Choice.label(at: n)], phrases: ["what": what]))
      }
      if entry.text.isEmpty {
        error(
          location(line: entry.line, offset: entry.offset),
          LintPhrase("lint.quiz.noText", ["label": Choice.label(at: entry.label)]))
      }
      result.append(Choice(label: Choice.label(at: n), text: entry.text))
    }
    if field.entries.count > 26 {
      error(location(field), LintPhrase("lint.quiz.atMost26", phrases: ["what": what]))
    }
    return result
  }
}
