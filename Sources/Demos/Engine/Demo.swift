public import DemoContract
public import Localization
public import Render

/// A built-in demo: its declaration (what it is called, what it shows, its lesson, its
/// parameters and the metrics it reports; `DemoContract`) and the code that runs it (always
/// in a child process of its own).
public struct DemoDefinition: Sendable {
  public var declaration: DemoDeclaration
  /// Runs the demo inside the demo-runner process. Throwing ends the demo with one line.
  public var run: @Sendable (Parameters, DemoContext) throws -> Void

  public var name: String { declaration.name }
  public var summary: String { declaration.summary }
  public var lesson: String { declaration.lesson }
  public var parameters: [ParameterSpec] { declaration.parameters }
  public var timeBudget: Double { declaration.timeBudget }
  public var readsInput: Bool { declaration.readsInput }
  public var metrics: [MetricDeclaration] { declaration.metrics }

  /// The type whose stored properties are this demo's typed parameter keys.
  public let parameterSet: any ParameterSet.Type

  /// A demo whose parameters are `Keys`'s typed keys: they build the declaration's specs, and
  /// `run` reads the validated values through them, so it can read no undeclared name.
  public init<Keys: ParameterSet>(
    name: String, summary: String, lesson: String, metrics: [MetricDeclaration] = [],
    parameters: Keys.Type, timeBudget: Double = 30, readsInput: Bool = false,
    run: @escaping @Sendable (DemoParameters<Keys>, DemoContext) throws -> Void
  ) {
    declaration = DemoDeclaration(
      name: name, summary: summary, lesson: lesson, parameters: Keys.specs,
      timeBudget: timeBudget, readsInput: readsInput, metrics: metrics)
    parameterSet = Keys.self
    self.run = { validated, context in try run(DemoParameters(validated), context) }
  }

  /// A demo that takes no parameters.
  public init(
    name: String, summary: String, lesson: String, metrics: [MetricDeclaration] = [],
    timeBudget: Double = 30, readsInput: Bool = false,
    run: @escaping @Sendable (DemoContext) throws -> Void
  ) {
    self.init(
      name: name, summary: summary, lesson: lesson, metrics: metrics,
      parameters: NoParameters.self, timeBudget: timeBudget, readsInput: readsInput
    ) { _, context in try run(context) }
  }

  /// Validates `name=value` words against this demo's parameters.
  /// - Throws: `ParameterError`, its line in the process's language.
  public func validate(_ words: [String]) throws(ParameterError) -> Parameters {
    do {
      return try declaration.validate(words)
    } catch {
      throw error.inLanguage()
    }
  }

  /// The summary in the process's language (Messages+DemoSummaries.swift; the declaration, the
  /// docs and `proclab run --list` keep the English).
  public var screenSummary: String { DemoSummaries.text(summary) }

  /// `help run <demo>`: the summary and one line per parameter and metric, wrapped at the
  /// style's width (descriptions in their own column, see `DisplayWidth.wrap(label:…)`), in
  /// `language` (the process's own when not given).
  public func helpText(style: TerminalStyle, language: Language? = nil) -> String {
    let language = language ?? Catalog.language
    let width = style.width
    var lines = DisplayWidth.wrap(
      "\(style.bold(name)) — \(DemoSummaries.text(summary, in: language))", width: width,
      hangingIndent: 2)
    lines += DisplayWidth.wrap(
      "  " + Catalog.text("demo.help.lesson", in: language, ["lesson": lesson]), width: width,
      hangingIndent: 2)
    if parameters.isEmpty {
      lines.append("  " + Catalog.text("demo.param.noParameters", in: language))
    } else {
      let column =
        2 + min(28, parameters.map { DisplayWidth.of("\($0.name)=\($0.defaultValue)") }.max() ?? 0)
        + 2
      for p in parameters {
        lines += DisplayWidth.wrap(
          label: "  \(p.name)=\(p.defaultValue)",
          text: "\(ParameterHelp.text(p.help, in: language)); "
            + ParameterError.allowed(p.kind, in: language), column: column, width: width)
      }
    }
    if !metrics.isEmpty {
      lines += DisplayWidth.wrap(
        "  " + Catalog.text("demo.help.reports", in: language), width: width, hangingIndent: 2)
      let column = 2 + min(36, metrics.map { DisplayWidth.of($0.path) }.max() ?? 0) + 2
      for m in metrics {
        lines += DisplayWidth.wrap(
          label: "  \(m.path)",
          text: "\(m.screenLabel(for: m.path, in: language)) · "
            + "\(Self.unitText(m.unit, in: language)) · "
            + Catalog.text(
              m.kind == .measured ? "demo.help.measured" : "demo.help.fact", in: language),
          column: column, width: width)
      }
    }
    let example = ([name] + parameters.prefix(2).map { "\($0.name)=\($0.defaultValue)" }).joined(
      separator: " ")
    lines += DisplayWidth.wrap(
      "  " + Catalog.text("demo.help.example", in: language, ["command": "run " + example]),
      width: width, hangingIndent: 4)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A metric's unit as `help run` names it: the declared English word, or its Korean.
  static func unitText(_ unit: MetricUnit, in language: Language) -> String {
    let key =
      switch unit {
      case .seconds: "demo.unit.seconds"
      case .nanoseconds: "demo.unit.nanoseconds"
      case .bytesPerSecond: "demo.unit.bytesPerSecond"
      case .messagesPerSecond: "demo.unit.messagesPerSecond"
      case .bytes: "demo.unit.bytes"
      case .kibibytes: "demo.unit.kibibytes"
      case .count: "demo.unit.count"
      case .ratio: "demo.unit.ratio"
      case .fraction: "demo.unit.fraction"
      case .durations: "demo.unit.durations"
      case .runnable: "demo.unit.runnable"
      case .cpu: "demo.unit.cpu"
      case .pid: "demo.unit.pid"
      case .id: "demo.unit.id"
      case .exitStatus: "demo.unit.exitStatus"
      case .exitcode: "demo.unit.exitcode"
      case .boolean: "demo.unit.boolean"
      case .text: "demo.unit.text"
      case .list: "demo.unit.list"
      }
    return Catalog.text(key, in: language)
  }
}

/// A failure inside a demo: one line for the student, with what was being done.
public struct DemoError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
