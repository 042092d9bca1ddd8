import DemoContract

/// Declarations for the CPython rows: what a demo records under `python.` from the lessons'
/// Python program it runs beside its own code (`CPython.program`), labelled "CPython: …".
enum PythonMetrics {
  /// A CPython figure that varies run to run.
  static func measured(
    _ path: String, _ label: String, _ unit: MetricUnit, _ meaning: String
  ) -> MetricDeclaration {
    .measured("python." + path, "CPython: " + label, unit, meaning)
  }

  /// A CPython figure that is the same on every run on this machine.
  static func fact(
    _ path: String, _ label: String, _ unit: MetricUnit, _ meaning: String
  ) -> MetricDeclaration {
    .fact("python." + path, "CPython: " + label, unit, meaning)
  }

  /// What every demo that runs `file` (lessons/python/…) reports about the run itself.
  static func run(_ file: String) -> [MetricDeclaration] {
    [available, version(file)]
  }

  static let available = MetricDeclaration.fact(
    "python_available", "python3 was found", .boolean,
    "python3 is on PATH, so the CPython rows could run (python=on)")

  static func version(_ file: String) -> MetricDeclaration {
    fact(
      "version", "the Python version that ran \(file)", .text,
      "platform.python_version() of the python3 on PATH")
  }
}

extension MetricDeclaration {
  /// This metric's counterpart in CPython's run of the same example: `python.` + its path (or
  /// `path`), "CPython: " + its label (or `label`), the same unit; its kind and meaning unless
  /// given.
  func python(
    _ label: String? = nil, path: String? = nil, kind: MetricKind? = nil, meaning: String? = nil
  ) -> MetricDeclaration {
    MetricDeclaration(
      "python." + (path ?? self.path), "CPython: " + (label ?? self.label), unit,
      kind ?? self.kind, meaning ?? self.meaning)
  }
}

extension Array where Element == MetricDeclaration {
  /// The declaration with exactly this path (a programming error when there is none).
  subscript(path path: String) -> MetricDeclaration {
    guard let found = first(where: { $0.path == path }) else {
      preconditionFailure("no declaration of \(path)")
    }
    return found
  }
}
