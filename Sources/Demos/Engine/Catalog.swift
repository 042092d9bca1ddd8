/// Every built-in demo. A lesson's ```demo block can name only these.
public enum DemoCatalog {
  public static let all: [DemoDefinition] =
    [
      ProcessDemos.ids,
      ThreadDemos.threads,
      ThreadDemos.memory,
      ThreadDemos.timeit,
      ProcessDemos.spawn,
      ProcessDemos.fork,
      ProcessDemos.subprocess,
      ProcessDemos.zombie,
      ProcessDemos.orphan,
    ] + IPCDemos.all + ParallelDemos.all

  /// The demo called `name`, if there is one.
  public static func named(_ name: String) -> DemoDefinition? {
    all.first { $0.name == name }
  }

  /// The names of every demo, in catalog order.
  public static var names: [String] { all.map(\.name) }
}
