import Localization
import Render

/// Reads lesson files: front matter, steps, demo blocks, quiz questions and exercises.
///
/// The format is specified in `docs/lesson-format.md`. The parser never traps, whatever the
/// input: malformed parts are reported as problems and left out.
public enum LessonParser {
  /// Parses the text of one lesson file.
  ///
  /// - Parameters:
  ///   - text: the file's contents.
  ///   - file: the path to report problems against.
  /// - Returns: the lesson, or `nil` when the file has no usable front matter or no id; and
  ///   every problem found in the file itself, sorted (the linter adds checks against the
  ///   demo catalog and the other lessons).
  public static func parse(text: String, file: String) -> (
    lesson: Lesson?, problems: [LessonProblem]
  ) {
    var parser = LessonFileParser(text: text, file: file)
    let lesson = parser.parse()
    return (lesson, parser.problems.sorted())
  }

  /// Parses one lesson file for the linter: like ``parse(text:file:)``, but a file whose front
  /// matter is missing or whose id is missing or invalid is still read to its end, so that
  /// the rest of its errors are found too.
  /// - Returns: the lesson (its id possibly empty or invalid), whether it is `complete` (as
  ///   ``parse(text:file:)`` would return it), and every problem, sorted.
  public static func parseForLint(bytes: some Collection<UInt8>, file: String) -> (
    lesson: Lesson?, complete: Bool, problems: [LessonProblem]
  ) {
    var parser = LessonFileParser(text: String(decoding: bytes, as: UTF8.self), file: file)
    parser.keepBroken = true
    let lesson = parser.parse()
    return (lesson, !parser.broken, parser.problems.sorted())
  }

  /// Parses the bytes of one lesson file, read as UTF-8 (invalid sequences become U+FFFD).
  public static func parse(
    bytes: some Collection<UInt8>, file: String
  ) -> (lesson: Lesson?, problems: [LessonProblem]) {
    parse(text: String(decoding: bytes, as: UTF8.self), file: file)
  }
}

/// One pass over one file.
struct LessonFileParser {
  let file: String
  /// Whether to read a file with a missing front matter or a bad id to its end (for lint).
  var keepBroken = false
  /// Whether the lesson returned has such a front matter (only with `keepBroken`).
  var broken = false
  /// The file's text (without a byte order mark) and its UTF-8 bytes.
  let source: String
  let bytes: [UInt8]
  let lines: [SourceLine]
  /// Each line's byte offsets in `bytes`, without its `\r\n` or `\n`.
  let bounds: [Range<Int>]
  /// Whether any line ends in `\r\n` (so that lines cannot be sliced from the text as is).
  let hasCarriageReturns: Bool
  var problems: [LessonProblem] = []
  /// Questions that name their step (`step:`), by question id: where the field is.
  var explicitSteps: [String: SourceLocation] = [:]

  init(text: String, file: String) {
    self.file = file
    let unmarked =
      text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    // A lesson is untrusted text: its control characters (ESC, C1, bidirectional overrides)
    // are made visible here, once, so that nothing read from it can drive the terminal.
    var source = TerminalSafe.escape(unmarked, lineBreaks: .kept)
    source.makeContiguousUTF8()
    self.source = source
    bytes = Array(source.utf8)
    (lines, bounds, hasCarriageReturns) = Scanning.lines(source, bytes)
  }

  var errorCount: Int { problems.reduce(0) { $0 + ($1.isError ? 1 : 0) } }

  // MARK: Lesson

  /// A step while it is read. Its text is kept as line numbers until it is flushed.
  struct StepBuilder {
    var title: String?
    var explicitID: String?
    var location: SourceLocation
    var isPreamble: Bool
    var blocks: [Block] = []
    /// Indices into the parser's `lines` of Markdown lines not yet made a block.
    var text: [Int] = []
    var questionIndices: [Int] = []
  }

  /// Makes a builder's pending lines one Markdown block, without leading and trailing blank
  /// lines; reports quotes and lists nested deeper than the renderer shows.
  mutating func flush(_ builder: inout StepBuilder) {
    defer { builder.text.removeAll(keepingCapacity: true) }
    var lo = builder.text.startIndex
    var hi = builder.text.endIndex
    while lo < hi, Scanning.isBlank(lines[builder.text[lo]].text) { lo += 1 }
    while hi > lo, Scanning.isBlank(lines[builder.text[hi - 1]].text) { hi -= 1 }
    guard lo < hi else { return }
    let first = builder.text[lo]
    let last = builder.text[hi - 1]
    let markdown: String
    if !hasCarriageReturns, last - first == hi - 1 - lo {
      // Lines that follow each other in the file are one slice of it.
      let start = lines[first].text.startIndex
      let end = lines[last].text.endIndex
      markdown = String(lines[first].text.base[start..<end])
    } else {
      markdown = builder.text[lo..<hi].map { lines[$0].text }.joined(separator: "\n")
    }
    builder.blocks.append(.markdown(markdown))
    // Each line of the block is one line of the file.
    if let deep = MarkdownRenderer.tooDeeplyNestedLine(markdown), lo + deep < hi {
      error(
        at: lines[builder.text[lo + deep]].number,
        LintPhrase("lint.parse.nesting", ["max": String(MarkdownRenderer.maximumNesting)]))
    }
  }

  func isEmpty(_ builder: StepBuilder) -> Bool {
    builder.blocks.isEmpty && builder.text.allSatisfy { Scanning.isBlank(lines[$0].text) }
  }

  mutating func parse() -> Lesson? {
    var missingFrontMatter = false
    guard
      let front = frontMatter()
        ?? {
          // Only a missing one: an unclosed front matter has no body to tell apart.
          guard keepBroken, lines.first?.text.trimmingWhitespace() != "---" else { return nil }
          missingFrontMatter = true
          broken = true
          return FrontMatter(bodyStart: 0)
        }()
    else { return nil }
    var builders: [StepBuilder] = []
    var current: StepBuilder?
    var heading: String?
    var questions: [Question] = []
    var questionLines: [String: Int] = [:]
    var exerciseLines: [String: Int] = [:]

    func startLocation(_ line: SourceLine) -> SourceLocation {
      SourceLocation(file: file, line: line.number)
    }

    var i = front.bodyStart
    while i < lines.count {
      let line = lines[i]
      let marker = Scanning.marker(line.text)
      if marker == 96 || marker == 126, let fence = Scanning.openingFence(line.text) {
        var j = i + 1
        var closed = false
        while j < lines.count {
          let marker = Scanning.marker(lines[j].text)
          if marker == fence.marker, Scanning.closes(lines[j].text, fence) {
            closed = true
            break
          }
          j += 1
        }
        let content = (i + 1)..<j
        if !closed {
          error(line, line.text.startIndex, LintPhrase("lint.parse.fenceOpen"))
        }
        if current == nil {
          current = StepBuilder(location: startLocation(line), isPreamble: true)
        }
        switch fence.language {
        case "demo":
          if var builder = current {
            flush(&builder)
            current = builder
          }
          var count = 0
          for k in content {
            let line = lines[k].with(Scanning.removingIndent(lines[k].text, fence.indent))
            if let invocation = demoInvocation(line) {
              current?.blocks.append(.demo(invocation))
              count += 1
            }
          }
          if count == 0 { warning(line, line.text.startIndex, LintPhrase("lint.parse.emptyDemo")) }
        case "quiz":
          if var builder = current {
            flush(&builder)
            current = builder
          }
          if let question = question(fence: line, content: content, indent: fence.indent) {
            if let first = questionLines[question.id] {
              error(
                question.location,
                LintPhrase(
                  "lint.parse.duplicateQuestion", ["id": question.id, "line": String(first)]))
            } else {
              questionLines[question.id] = question.location.line
              current?.blocks.append(.question(question.id))
              current?.questionIndices.append(questions.count)
              questions.append(question)
            }
          }
        case "exercise":
          if var builder = current {
            flush(&builder)
            current = builder
          }
          if let exercise = exercise(fence: line, content: content, indent: fence.indent) {
            if let first = exerciseLines[exercise.id] {
              error(
                exercise.location,
                LintPhrase(
                  "lint.parse.duplicateExercise", ["id": exercise.id, "line": String(first)]))
            } else {
              exerciseLines[exercise.id] = exercise.location.line
              current?.blocks.append(.exercise(exercise))
            }
          }
        default:
          let end = closed ? j : j - 1
          for k in i...max(i, min(end, lines.count - 1)) { current?.text.append(k) }
        }
        i = closed ? j + 1 : j
        continue
      }
      if marker == 35, let found = Scanning.heading(line.text), found.level <= 2 {
        let level = found.level
        let (title, explicitID) = headingParts(line, found.content)
        let inPreamble = builders.isEmpty && (current?.isPreamble ?? true)
        if level == 1, heading == nil, inPreamble {
          heading = title
          if current == nil {
            current = StepBuilder(location: startLocation(line), isPreamble: true)
          }
          current?.title = title
          current?.explicitID = explicitID
          current?.location = startLocation(line)
        } else {
          if var finished = current {
            flush(&finished)
            if !(finished.isPreamble && isEmpty(finished)) { builders.append(finished) }
          }
          current = StepBuilder(
            title: title, explicitID: explicitID, location: startLocation(line), isPreamble: false)
        }
        i += 1
        continue
      }
      if current == nil {
        if Scanning.isBlank(line.text) {
          i += 1
          continue
        }
        current = StepBuilder(location: startLocation(line), isPreamble: true)
      }
      current?.text.append(i)
      i += 1
    }
    if var finished = current {
      flush(&finished)
      if !(finished.isPreamble && isEmpty(finished)) { builders.append(finished) }
    }

    // Front matter checks (with keepBroken, a failed one marks the lesson broken).
    let id = front.id ?? ""
    let idLocation = front.idLocation ?? SourceLocation(file: file, line: 1)
    if missingFrontMatter {
      // Reported already.
    } else if id.isEmpty {
      error(at: 1, LintPhrase("lint.parse.missingID"))
      guard keepBroken else { return nil }
      broken = true
    } else if !Scanning.isValidID(id) {
      // A lesson with an invalid id is not loaded: its id could not be typed, or would take
      // the place of a lesson number in `open 3`.
      error(idLocation, LintPhrase("lint.parse.badLessonID", ["id": id]))
      guard keepBroken else { return nil }
      broken = true
    } else if id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
      error(idLocation, LintPhrase("lint.parse.digitsID"))
      guard keepBroken else { return nil }
      broken = true
    }
    let title = front.title ?? ""
    if title.isEmpty && !missingFrontMatter { error(at: 1, LintPhrase("lint.parse.missingTitle")) }
    if builders.isEmpty && !missingFrontMatter {
      error(
        at: min(front.bodyStart + 1, max(lines.count, 1)), LintPhrase("lint.parse.noSteps"))
    }

    // Steps and their ids.
    var steps: [Step] = []
    var stepLines: [String: Int] = [:]
    var enclosingSteps: [Int: String] = [:]
    for (n, builder) in builders.enumerated() {
      let stepTitle = builder.title ?? (title.isEmpty ? id : title)
      var stepID = builder.explicitID ?? Scanning.slug(stepTitle)
      if stepID.isEmpty { stepID = "step-\(n + 1)" }
      if let first = stepLines[stepID] {
        error(
          builder.location,
          LintPhrase("lint.parse.duplicateStep", ["id": stepID, "line": String(first)]))
      } else {
        stepLines[stepID] = builder.location.line
      }
      for q in builder.questionIndices where questions.indices.contains(q) {
        if explicitSteps[questions[q].id] == nil {
          questions[q].stepID = stepID
        } else {
          enclosingSteps[q] = stepID
        }
      }
      // An exercise practises the step it stands in.
      let blocks = builder.blocks.map { block -> Block in
        guard case .exercise(var exercise) = block else { return block }
        exercise.stepID = stepID
        return .exercise(exercise)
      }
      steps.append(
        Step(
          id: stepID, title: stepTitle, blocks: blocks, location: builder.location,
          hasExplicitID: builder.explicitID != nil))
    }
    for (q, enclosing) in enclosingSteps.sorted(by: { $0.key < $1.key }) {
      let named = questions[q].stepID
      guard stepLines[named] == nil, let at = explicitSteps[questions[q].id] else { continue }
      problems.append(
        LessonProblem(
          at, key: "lint.parse.questionStep",
          Suggestions.nearest(named, steps.map(\.id)).withNear([
            "id": questions[q].id, "step": named,
          ])))
      questions[q].stepID = enclosing
    }
    return Lesson(
      id: id, title: title.isEmpty ? (heading ?? id) : title, summary: front.summary ?? "",
      requirements: front.requirements, order: front.order, file: file, heading: heading,
      steps: steps, questions: questions, frontMatter: front.entries,
      location: idLocation)
  }

  /// A heading's title and its `{#id}`, if any (an invalid one is reported and ignored).
  mutating func headingParts(_ line: SourceLine, _ content: Substring) -> (String, String?) {
    let bytes = content.utf8
    guard bytes.last == 125, let open = bytes.lastIndex(of: 123),
      bytes.index(after: open) < bytes.endIndex, bytes[bytes.index(after: open)] == 35
    else { return (String(content), nil) }
    let idText = content[bytes.index(open, offsetBy: 2)..<bytes.index(before: bytes.endIndex)]
    let title = String(content[..<open].trimmingWhitespace())
    guard Scanning.isValidID(idText) else {
      error(line, open, LintPhrase("lint.parse.badStepID", ["braced": "{#\(idText)}"]))
      return (title, nil)
    }
    return (title, String(idText))
  }

  // MARK: Demo lines

  /// One line of a demo block (or a predict's `demo:`): a demo name and `name=value` words,
  /// with `#` comments. `nil` for a blank or comment-only line.
  func demoInvocation(_ line: SourceLine) -> DemoInvocation? {
    var text = line.text
    // A comment starts with # at the start or after a space.
    var previousIsSpace = true
    var index = text.startIndex
    while index != text.endIndex {
      let c = text[index]
      if c == "#", previousIsSpace {
        text = text[..<index]
        break
      }
      previousIsSpace = c.isWhitespace
      index = text.index(after: index)
    }
    let words = Scanning.words(text)
    guard let name = words.first else { return nil }
    let arguments = words.dropFirst()
    return DemoInvocation(
      demo: String(name), arguments: arguments.map(String.init),
      location: location(line, name.startIndex),
      argumentLocations: arguments.map { location(line, $0.startIndex) })
  }
}
