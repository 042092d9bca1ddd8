import Localization

// Reading a question's answer key from its fields: the answer of each kind (numbers with
// tolerance or range), a predict question's demo and check rule, and feedback per answer.
extension LessonFileParser {
  /// Reads `answer:` (and `range:`, `tolerance:`, `accept:`, `pattern:`) into the key.
  mutating func answerKey(
    _ question: inout Question, _ first: QuizFieldTable, _ repeated: QuizFieldTable
  ) {
    let id = question.id
    let answerField = first["answer"]
    let answerText = answerField.map { fieldText($0, multiline: false) } ?? ""
    if question.kind == .number, let rangeField = first["range"] {
      if answerField != nil {
        error(location(rangeField), LintPhrase("lint.answer.bothRange"))
        return
      }
      if let tolerance = first["tolerance"] {
        error(location(tolerance), LintPhrase("lint.answer.toleranceRange"))
        return
      }
      if let range = numberRange(rangeField, unit: question.unit) {
        question.answer = .number(.range(range.0, range.1))
      }
      return
    }
    guard let answerField, !answerText.isEmpty else {
      error(question.location, LintPhrase("lint.answer.none", ["id": id]))
      return
    }
    let at = valueLocation(answerField)
    switch question.kind {
    case .choice, .multi:
      let letters = AnswerParser.words(substring(answerField.value), separators: ",;/&")
        .map { AnswerParser.strip($0, ")(.") }
      let count = question.choices.count
      if let bad = letters.first(where: { (AnswerParser.letterIndex($0) ?? -1) >= count }) {
        error(
          at,
          LintPhrase(
            "lint.answer.notAmong",
            ["answer": String(bad), "id": id, "range": AnswerParser.range(count)]))
        return
      }
      guard letters.allSatisfy({ AnswerParser.letterIndex($0) != nil }),
        case .choices(let picks)? = try? AnswerParser.parse(answerText, for: question)
      else {
        error(at, LintPhrase("lint.answer.letters", ["id": id]))
        return
      }
      question.answer = .choices(picks)
    case .truefalse:
      guard let value = AnswerParser.truth(answerText) else {
        error(at, LintPhrase("lint.answer.truth", ["id": id]))
        return
      }
      question.answer = .truth(value)
    case .number:
      numberKey(&question, answerField, tolerance: first["tolerance"])
    case .text:
      var accepted = [answerText]
      for field in repeated.fields where field.key == "accept" {
        let text = fieldText(field, multiline: false)
        if text.isEmpty {
          error(location(field), LintPhrase("lint.answer.emptyAccept"))
        } else {
          accepted.append(text)
        }
      }
      var pattern: String?
      if let field = first["pattern"] {
        pattern = fieldText(field, multiline: false)
        if pattern?.isEmpty ?? true {
          error(location(field), LintPhrase("lint.answer.emptyPattern"))
        }
      }
      question.answer = .text(accepted: accepted, pattern: pattern)
    case .order:
      do throws(AnswerError) {
        let sequence = try AnswerParser.order(answerText, items: question.items)
        question.answer = .order(sequence)
      } catch {
        self.error(at, LintPhrase("lint.answer.order", ["id": id]))
      }
    case .predict:
      break
    }
  }

  /// `answer: 4 s`, `answer: 4 ± 0.5 s`, with `tolerance: 5%` or `tolerance: ± 0.5`.
  mutating func numberKey(_ question: inout Question, _ field: QuizField, tolerance: QuizField?) {
    let text = fieldText(field, multiline: false)
    var valuePart = Substring(text)
    var tolerancePart: Substring?
    for marker in ["±", "+/-", "+-"] {
      if let r = text.firstRange(of: marker) {
        valuePart = text[..<r.lowerBound]
        tolerancePart = text[r.upperBound...]
        break
      }
    }
    let at = valueLocation(field)
    // A unit written after the tolerance applies to the value too: `4 ± 0.5 s`.
    var unitAfter: Substring = ""
    if let part = tolerancePart, let q = NumberText.splitQuantity(part.trimmingWhitespace()),
      q.unit != "%"
    {
      unitAfter = q.unit
    }
    let valueText = String(valuePart.trimmingWhitespace())
    let value: Double
    do throws(AnswerError) {
      let plain = NumberText.splitQuantity(Substring(valueText))
      let withUnit =
        (plain?.unit.isEmpty ?? false) && !unitAfter.isEmpty
        ? valueText + " " + unitAfter : valueText
      value = try AnswerParser.number(withUnit, unit: question.unit)
    } catch let failure {
      // `answer: 4 ± 0.5 s` without `unit:`: say what the question lacks, in one line.
      if question.unit == nil,
        let unit = [NumberText.splitQuantity(Substring(valueText))?.unit, unitAfter]
          .compactMap({ $0 }).first(where: { !$0.isEmpty })
      {
        error(at, LintPhrase("lint.answer.needsUnit", ["id": question.id, "unit": String(unit)]))
        return
      }
      error(
        at, LintPhrase("lint.answer.bad", ["id": question.id, "detail": failure.message]))
      return
    }
    var tol = Tolerance.exact
    if let tolerance, tolerancePart != nil {
      error(location(tolerance), LintPhrase("lint.answer.toleranceTwice"))
      return
    }
    if let part = tolerancePart {
      guard let t = parseTolerance(String(part), unit: question.unit, at: at) else { return }
      tol = t
    } else if let tolerance {
      guard
        let t = parseTolerance(
          fieldText(tolerance, multiline: false), unit: question.unit, at: valueLocation(tolerance))
      else { return }
      tol = t
    }
    question.answer = .number(.value(value, tolerance: tol))
  }

  /// `5%`, `± 0.5`, `0.5 s`.
  mutating func parseTolerance(_ text: String, unit: String?, at: SourceLocation) -> Tolerance? {
    var s = text.trimmingWhitespace()
    for marker in ["±", "+/-", "+-"] where s.hasPrefix(marker) {
      s = s.dropFirst(marker.count).trimmingWhitespace()
    }
    if s.hasSuffix("%") {
      guard let p = NumberText.parse(s.dropLast().trimmingWhitespace()), p >= 0 else {
        error(at, LintPhrase("lint.answer.tolerance"))
        return nil
      }
      return .relative(p / 100)
    }
    do throws(AnswerError) {
      let d = try AnswerParser.number(String(s), unit: unit)
      guard d >= 0 else {
        error(at, LintPhrase("lint.answer.negative"))
        return nil
      }
      return .absolute(d)
    } catch {
      self.error(at, LintPhrase("lint.answer.tolerance"))
      return nil
    }
  }

  /// `3..5`, `3 .. 5 s`, `3 s...5 s`.
  mutating func numberRange(_ field: QuizField, unit: String?) -> (Double, Double)? {
    let text = fieldText(field, multiline: false)
    let at = valueLocation(field)
    guard let r = text.firstRange(of: "...") ?? text.firstRange(of: "..") else {
      error(at, LintPhrase("lint.answer.range"))
      return nil
    }
    let lowText = String(text[..<r.lowerBound].trimmingWhitespace())
    let highText = String(text[r.upperBound...].trimmingWhitespace())
    let highUnit = NumberText.splitQuantity(Substring(highText))?.unit ?? ""
    let lowHasUnit = !(NumberText.splitQuantity(Substring(lowText))?.unit.isEmpty ?? true)
    do throws(AnswerError) {
      let low = try AnswerParser.number(
        lowHasUnit || highUnit.isEmpty ? lowText : lowText + " " + highUnit, unit: unit)
      let high = try AnswerParser.number(highText, unit: unit)
      guard low <= high else {
        error(at, LintPhrase("lint.answer.rangeOrder"))
        return nil
      }
      return (low, high)
    } catch let failure {
      error(at, LintPhrase("lint.answer.rangeBad", ["detail": failure.message]))
      return nil
    }
  }

  /// `demo:` and `check:` of a predict question.
  mutating func predictParts(_ question: inout Question, _ first: QuizFieldTable) {
    let id = question.id
    if let field = first["answer"] {
      error(location(field), LintPhrase("lint.answer.predictAnswer"))
    }
    if let field = first["demo"] {
      if let invocation = demoInvocation(lines[field.line].with(substring(field.value))),
        field.isSingleLine
      {
        question.demo = invocation
      } else {
        error(location(field), LintPhrase("lint.answer.demoLine"))
      }
    } else {
      error(question.location, LintPhrase("lint.answer.needsDemo", ["id": id]))
    }
    guard let field = first["check"] else {
      error(question.location, LintPhrase("lint.answer.needsCheck", ["id": id]))
      return
    }
    let text = fieldText(field, multiline: false)
    do throws(CheckRuleError) {
      var rule = try CheckRule.parse(text)
      switch rule.inAnswerUnit(question.unit) {
      case .success(let converted): rule = converted
      case .failure(let failure):
        error(valueLocation(field), LintPhrase("lint.answer.badRule", ["detail": failure.message]))
        return
      }
      question.check = rule
      question.checkText = text
      if !question.choices.isEmpty, rule.input == .truth {
        error(location(field), LintPhrase("lint.answer.ruleChoices"))
      }
    } catch let failure {
      var at = valueLocation(field)
      if field.isSingleLine { at.column += failure.offset }
      error(at, LintPhrase("lint.answer.badRule", ["detail": failure.message]))
    }
  }

  /// `feedback <answer>: message`, its answer read the way a student's answer is read.
  mutating func addFeedback(_ question: inout Question, _ field: QuizField) {
    let message = fieldText(field, multiline: true)
    guard let argument = argument(of: field), !argument.isEmpty else {
      error(location(field), LintPhrase("lint.answer.feedbackFor"))
      return
    }
    guard !message.isEmpty else {
      error(location(field), LintPhrase("lint.answer.feedbackEmpty", ["answer": String(argument)]))
      return
    }
    var item = Feedback(answer: String(argument), message: message, location: location(field))
    let argumentLocation = location(line: field.line, offset: field.argument?.lowerBound ?? 0)
    if question.kind == .predict {
      do throws(AnswerError) {
        item.key = .prediction(try AnswerParser.parsePrediction(String(argument), for: question))
      } catch let failure {
        error(
          argumentLocation,
          LintPhrase(
            "lint.answer.feedbackBad", ["answer": String(argument), "detail": failure.message]))
        return
      }
    } else {
      do throws(AnswerError) {
        let answer = try AnswerParser.parse(String(argument), for: question)
        item.key = .answer(answer)
        if question.kind != .multi, question.isCorrect(answer) {
          warning(
            argumentLocation, LintPhrase("lint.answer.feedbackRight", ["answer": String(argument)]))
        }
      } catch let failure {
        error(
          argumentLocation,
          LintPhrase(
            "lint.answer.feedbackBad", ["answer": String(argument), "detail": failure.message]))
        return
      }
    }
    question.feedback.append(item)
  }
}
