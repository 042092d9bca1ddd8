/// What a demo is, as everything that reads its reports sees it: its name, what it shows, the
/// lesson it belongs to, the parameters it takes, how long it may run, whether it reads the
/// student's typing, and the metrics it reports. Pure data: the code that runs the demo is
/// the `Demos` module's (`DemoDefinition`), and lessons, the quiz and the bench read only this.
public struct DemoDeclaration: Sendable, Equatable {
  public var name: String
  public var summary: String
  public var lesson: String
  public var parameters: [ParameterSpec]
  /// Seconds the demo may run before it is stopped (Ctrl-C's escalation, automatically).
  public var timeBudget: Double
  /// Whether the demo reads what the student types while it runs (the `threads` demo waits
  /// for Enter). Other demos leave type-ahead alone, for the prompt that follows.
  public var readsInput: Bool
  /// Every metric the demo's report may carry.
  public var metrics: [MetricDeclaration]

  public init(
    name: String, summary: String, lesson: String, parameters: [ParameterSpec] = [],
    timeBudget: Double = 30, readsInput: Bool = false, metrics: [MetricDeclaration] = []
  ) {
    self.name = name
    self.summary = summary
    self.lesson = lesson
    self.parameters = parameters
    self.timeBudget = timeBudget
    self.readsInput = readsInput
    self.metrics = metrics
  }

  /// Validates `name=value` words against this demo's parameters.
  public func validate(_ words: [String]) throws(ParameterError) -> Parameters {
    try parameters.validate(words, demo: name)
  }

  /// The declaration of a concrete metric path of this demo's reports, if there is one.
  public func metric(_ path: String) -> MetricDeclaration? {
    metrics.declaration(for: path)
  }
}
