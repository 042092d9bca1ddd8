public import DemoContract

/// What one check found on one run of an exercise.
public struct ExerciseVerdict: Sendable, Hashable {
  /// Whether the check held.
  public enum State: Sendable, Hashable {
    case held
    case failed
    /// It could not be decided (a metric missing from the report, text where a number was
    /// needed): never shown as passed.
    case undetermined(String)
  }

  public var state: State
  /// The metrics the condition read, `label: value` in their declared units.
  public var figures: [String]
  /// What an output form found.
  public var output: OutputFigure?

  /// Creates a verdict.
  public init(state: State, figures: [String] = [], output: OutputFigure? = nil) {
    self.state = state
    self.figures = figures
    self.output = output
  }

  /// Whether the check held.
  public var held: Bool { state == .held }
}

/// What an output form saw in the program's output.
public enum OutputFigure: Sendable, Hashable {
  /// The first line that matched or contained the text: its 1-based number and its text.
  case line(OutputStreamName, number: Int, text: String)
  /// No line did; the stream's line count and its first line, if any.
  case noLine(OutputStreamName, lines: Int, first: String?)
  /// The stream's line count.
  case lineCount(OutputStreamName, Int)
}

extension ExerciseCheck {
  /// Evaluates the check against one run's report and output.
  /// - Parameters:
  ///   - metrics: the trace report's metrics (`DemoReport.metrics`).
  ///   - stdout: the program's captured standard output, decoded.
  ///   - stderr: its standard error.
  ///   - declarations: the trace's metric declarations (labels and units of the figures).
  public func evaluate(
    metrics: [String: JSONValue], stdout: String, stderr: String,
    declarations: [MetricDeclaration]
  ) -> ExerciseVerdict {
    switch condition {
    case .metrics(let rule):
      let outcome = rule.evaluate(
        answer: .truth(true), metrics: metrics, declarations: declarations)
      switch outcome.verdict {
      case .correct: return ExerciseVerdict(state: .held, figures: outcome.figures)
      case .incorrect: return ExerciseVerdict(state: .failed, figures: outcome.figures)
      case .undetermined:
        return ExerciseVerdict(
          state: .undetermined(outcome.explanation), figures: outcome.figures)
      }
    case .output(let stream, let test):
      return Self.evaluate(test, stream, lines: Self.lines(stream == .stdout ? stdout : stderr))
    }
  }

  static func evaluate(
    _ test: OutputTest, _ stream: OutputStreamName, lines: [Substring]
  ) -> ExerciseVerdict {
    func found(_ predicate: (Substring) -> Bool) -> ExerciseVerdict {
      if let n = lines.firstIndex(where: predicate) {
        return ExerciseVerdict(
          state: .held, output: .line(stream, number: n + 1, text: String(lines[n])))
      }
      return ExerciseVerdict(
        state: .failed,
        output: .noLine(stream, lines: lines.count, first: lines.first.map(String.init)))
    }
    switch test {
    case .matches(let pattern):
      // Some line matches somewhere: the whole line matches `.*(?:pattern).*`.
      guard let program = try? TextPattern.compile(ExerciseCondition.searching(pattern)) else {
        return ExerciseVerdict(state: .undetermined("the pattern does not compile"))
      }
      return found { TextPattern.run(program, $0).matched }
    case .contains(let text):
      return found { $0.contains(text) }
    case .lines(let op, let n):
      let count = lines.count
      let holds: Bool =
        switch op {
        case .less: count < n
        case .lessOrEqual: count <= n
        case .greater: count > n
        case .greaterOrEqual: count >= n
        case .equal: count == n
        case .notEqual: count != n
        }
      return ExerciseVerdict(state: holds ? .held : .failed, output: .lineCount(stream, count))
    }
  }

  /// The lines of an output: split at `\n` (a `\r` before it dropped); a last line without
  /// a newline counts, an empty output has none.
  static func lines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
  }
}
