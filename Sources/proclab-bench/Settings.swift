/// How this run of the bench was asked for.
struct BenchSettings {
  var proclab: String
  var references: String
  var pythonSnippets: String
  var output: String
  var pairs: Int
  var quick: Bool
  var only: Set<String>?
  var cpu: Int?

  /// Untimed rounds (A then B) before the kept pairs.
  var warmUps: Int { 1 }

  /// `full` normally, `quick` in the short run.
  func pick<T>(_ full: T, quick short: T) -> T { quick ? short : full }
}
