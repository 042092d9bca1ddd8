import ArgumentParser
import DemoContract
import Demos
import FoundationEssentials
import OSKit

/// `proclab demos`: every demo with its parameters and the metrics it reports, from the
/// declarations (as text, `--json`, or docs/demos.md's generated tables with `--markdown`).
struct DemosCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demos",
    abstract: "List the demos, their parameters and the metrics they report.")

  @Flag(help: "One JSON document: every demo's declaration (parameters, metrics).")
  var json = false

  @Flag(help: "The metric tables of docs/demos.md, as generated from the declarations.")
  var markdown = false

  func run() throws {
    let declarations = DemoCatalog.declarations
    if markdown {
      try FileIO.writeAll(1, DeclarationDocs.markdown(declarations))
    } else if json {
      let document = JSONValue.object(["demos": .array(declarations.map(\.jsonValue))])
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      let data = try encoder.encode(document)
      try FileIO.writeAll(1, String(decoding: data, as: UTF8.self) + "\n")
    } else {
      for d in declarations {
        let parameters = d.parameters.map { "\($0.name)=\($0.defaultValue)" }
        try FileIO.writeAll(
          1,
          "\(d.name)\t\(d.summary)\t\(parameters.joined(separator: " "))\t\(d.metrics.count) metrics\n"
        )
      }
    }
  }
}
