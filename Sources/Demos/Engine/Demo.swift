public import Render

/// A built-in demo: what it is called, what it shows, which lesson it belongs to, the
/// parameters it takes and the code that runs it (always in a child process of its own).
public struct DemoDefinition: Sendable {
  public var name: String
  public var summary: String
  public var lesson: String
  public var parameters: [ParameterSpec]
  /// Seconds the demo may run before it is stopped (Ctrl-C's escalation, automatically).
  public var timeBudget: Double
  /// Whether the demo reads what the student types while it runs (the `threads` demo waits
  /// for Enter). Other demos leave type-ahead alone, for the prompt that follows.
  public var readsInput: Bool
  /// Runs the demo inside the demo-runner process. Throwing ends the demo with one line.
  public var run: @Sendable (Parameters, DemoContext) throws -> Void

  public init(
    name: String, summary: String, lesson: String, parameters: [ParameterSpec] = [],
    timeBudget: Double = 30, readsInput: Bool = false,
    run: @escaping @Sendable (Parameters, DemoContext) throws -> Void
  ) {
    self.readsInput = readsInput
    self.name = name
    self.summary = summary
    self.lesson = lesson
    self.parameters = parameters
    self.timeBudget = timeBudget
    self.run = run
  }

  /// Validates `name=value` words against this demo's parameters.
  public func validate(_ words: [String]) throws(ParameterError) -> Parameters {
    try parameters.validate(words, demo: name)
  }

  /// `help run <demo>`: the summary and one line per parameter.
  public func helpText(style: TerminalStyle) -> String {
    var out = "\(style.bold(name)) — \(summary)\n  lesson: \(lesson)\n"
    if parameters.isEmpty {
      out += "  no parameters\n"
    } else {
      let width = min(28, parameters.map { $0.name.count + 1 + $0.defaultValue.count }.max() ?? 0)
      for p in parameters {
        let head = "\(p.name)=\(p.defaultValue)"
        let pad = String(repeating: " ", count: max(1, width - head.count + 1))
        out += "  \(head)\(pad) \(p.help); \(p.allowed)\n"
      }
    }
    let example = ([name] + parameters.prefix(2).map { "\($0.name)=\($0.defaultValue)" }).joined(
      separator: " ")
    out += "  example: run \(example)\n"
    return out
  }
}

/// A failure inside a demo: one line for the student, with what was being done.
public struct DemoError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
