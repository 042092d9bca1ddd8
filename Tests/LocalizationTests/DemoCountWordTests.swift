import Localization
import Testing

/// The deadlock and signals notes say a count with its word: "1 time", "5 times", "1 retry",
/// "1 child in 1 run"; Korean's one form ("1번", "자식 1개").
@Suite struct DemoCountWordTests {
  static func times(_ n: Int, _ language: Language) -> String {
    Catalog.plural("demo.count.times", count: n, in: language)
  }

  @Test func deadlockNotesSayTimeOrTimes() {
    for language in [Language.en, .ko] {
      for n in [0, 1, 2, 17] {
        let trylock = Catalog.text(
          "demo.deadlock.note.trylock", in: language,
          ["retries": Self.times(n, language), "rounds": "40", "time": "1 ms"])
        let timed = Catalog.text(
          "demo.deadlock.note.timedlock", in: language,
          ["giveups": Self.times(n, language), "rounds": "40", "time": "1 ms"])
        for note in [trylock, timed] {
          #expect(!note.contains("time times") && !note.contains("times times"), "\(note)")
          #expect(!note.contains("번번"), "\(note)")
          if language == .en {
            #expect(note.contains(n == 1 ? " 1 time " : " \(n) times "), "\(note)")
          } else {
            #expect(note.contains("\(n)번"), "\(note)")
          }
        }
      }
    }
    #expect(Catalog.plural("demo.deadlock.retries", count: 1, in: .en) == "1 retry")
    #expect(Catalog.plural("demo.deadlock.retries", count: 3, in: .en) == "3 retries")
    #expect(Catalog.plural("demo.deadlock.retries", count: 1, in: .ko) == "재시도 1번")
  }

  @Test func sigchldHandlerCellSaysChildAndRun() {
    func cell(_ children: Int, _ runs: Int, _ language: Language) -> String {
      Catalog.text(
        "demo.signals.sigchld.byHandler", in: language,
        [
          "children": Catalog.plural("demo.count.children", count: children, in: language),
          "runs": Catalog.plural("demo.count.runs", count: runs, in: language),
        ])
    }
    #expect(cell(1, 1, .en) == "the handler: 1 child in 1 run")
    #expect(cell(5, 2, .en) == "the handler: 5 children in 2 runs")
    #expect(cell(5, 2, .ko) == "핸들러: 2번 실행으로 자식 5개")
    #expect(
      Catalog.plural("demo.condvar.note.timeouts", count: 1, in: .en).hasPrefix("1 wait ran"))
  }
}
