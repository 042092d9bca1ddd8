import DemoContract
import Demos
import Measure
import Testing

/// The timing table's footer: outliers of every row on one line, not one line per outlier.
@Suite struct TimingTableTests {
  static let machine = MachineEnvironment(
    cpusOnline: 2, cpuModel: nil, cgroupCPUQuota: nil, affinity: [0, 1],
    loadAverage: [0.1, 0.1, 0.1], swiftVersion: "6.3", buildConfiguration: "debug",
    kernel: "Linux 6.1")

  @Test("three rows with outliers: one footer line names them all")
  func outliersOneLine() {
    let calm: [Double] = [1, 1.02, 0.98, 1.04, 0.96, 1.01, 1, 0.99]
    let results = [
      TimingResult(label: "a", loops: 1, perLoop: calm + [5.2]),
      TimingResult(label: "b", loops: 1, perLoop: [4] + calm + [6.1]),
      TimingResult(label: "c", loops: 1, perLoop: calm),
      TimingResult(label: "d", loops: 1, perLoop: calm + [9]),
    ]
    let table = TimingTable.make(
      title: "t", results: results, environment: Self.machine, width: 80)
    let lines = table.footer.filter { $0.contains("outlier") }
    #expect(lines.count == 1, "\(table.footer)")
    let line = lines.first ?? ""
    for part in ["a: run 9", "b: runs 1 and 10", "d: run 9"] {
      #expect(line.contains(part), "\(line)")
    }
    #expect(!line.contains("c:"), "\(line)")
  }
}
