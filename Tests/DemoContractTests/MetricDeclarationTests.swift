import DemoContract
import Testing

@Suite struct MetricDeclarationTests {
  let declarations: [MetricDeclaration] = [
    .fact("ppid", "the child's parent pid", .pid, "getppid() in the child"),
    .fact("parent.pid", "the parent's pid", .pid, "getpid() in the parent"),
    .measured(
      "bandwidth.<size:bytes>.bytes_per_second", "pipe bandwidth at <size> writes",
      .bytesPerSecond, "bytes moved per second"),
    .measured(
      "<sync:none|semaphore>.final", "the final count with <sync>", .count, "the counter"),
    .measured("<way>.median_seconds", "median time of <way>", .seconds, "median of the runs"),
    .fact("<way>.fastest", "fastest of <way>", .boolean, "an exact path beats a pattern"),
    .fact("none.fastest", "fastest without sync", .boolean, "exact"),
  ]

  @Test func exactPathsAndPatternsMatch() throws {
    #expect(declarations.declaration(for: "ppid")?.unit == .pid)
    #expect(declarations.declaration(for: "parent.pid")?.label == "the parent's pid")
    #expect(declarations.declaration(for: "parent") == nil)
    #expect(declarations.declaration(for: "parent.pid.x") == nil)
    let bandwidth = try #require(declarations.declaration(for: "bandwidth.65536.bytes_per_second"))
    #expect(
      bandwidth.label(for: "bandwidth.65536.bytes_per_second") == "pipe bandwidth at 64 KiB writes")
    #expect(
      bandwidth.label(for: "bandwidth.1048576.bytes_per_second") == "pipe bandwidth at 1 MiB writes"
    )
    #expect(
      bandwidth.label(for: "bandwidth.100.bytes_per_second") == "pipe bandwidth at 100 B writes")
    #expect(declarations.declaration(for: "bandwidth.big.bytes_per_second") == nil)
  }

  @Test func aWordSetRestrictsThePattern() {
    #expect(declarations.declaration(for: "semaphore.final")?.unit == .count)
    #expect(declarations.declaration(for: "atomic.final") == nil)
  }

  @Test func theMostSpecificDeclarationWins() {
    #expect(declarations.declaration(for: "none.fastest")?.label == "fastest without sync")
    #expect(declarations.declaration(for: "mutex.fastest")?.label == "fastest of <way>")
    #expect(
      declarations.declaration(for: "mutex.fastest")?.label(for: "mutex.fastest")
        == "fastest of mutex")
  }

  @Test func violationsNameUndeclaredPathsAndWrongTypes() {
    let metrics: [String: JSONValue] = [
      "ppid": .number(12),
      "parent": .object(["pid": .number(11.5), "cwd": .string("/")]),
      "bandwidth": .object(["64": .object(["bytes_per_second": .string("fast")])]),
      "none": .object(["final": .number(3)]),
    ]
    #expect(
      declarations.violations(in: metrics) == [
        "bandwidth.64.bytes_per_second: declared number, reported text",
        "parent.cwd: not declared",
        "parent.pid: declared integer, reported number",
      ])
    #expect(
      declarations.violations(in: ["ppid": .number(3), "none": .object(["final": .number(1)])])
        .isEmpty)
  }

  @Test func unitsGiveTheJSONType() {
    #expect(MetricUnit.pid.jsonType == .integer)
    #expect(MetricUnit.seconds.jsonType == .number)
    #expect(MetricUnit.text.jsonType == .text)
    #expect(MetricValueType.integer.admits(.number(4)))
    #expect(!MetricValueType.integer.admits(.number(.infinity)))
    #expect(MetricValueType.number.admits(.number(4)))
    #expect(!MetricValueType.boolean.admits(.string("true")))
    #expect(MetricValueType.list.admits(.array([])))
  }

  @Test func leafPathsWalkObjectsOnly() {
    let leaves = JSONValue.leafPaths(of: [
      "a": .object(["b": .number(1), "c": .array([.number(1)])]), "d": .bool(true),
      "e": .object([:]),
    ])
    #expect(leaves.map(\.0) == ["a.b", "a.c", "d", "e"])
  }
}
