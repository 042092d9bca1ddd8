import FoundationEssentials
import Glibc
import OSKit
import Quiz
import Testing

/// `progress.json`'s exercise section is bounded like its questions and lessons: a hostile or
/// huge file's `exercises` and `exerciseChecks` are cut to the bound on load (one line says
/// what), their numbers brought into range, and a save writes what was kept, nothing else.
@Suite("progress.json: the exercise section bounded", .serialized)
struct ProgressExerciseBoundsTests {
  /// A progress file with `count` passed exercises (`ex-<i>` last passed at `i`) and as many
  /// check counts (`ex-<i>` checked `i` times).
  static func huge(_ count: Int) -> String {
    let passed = (0..<count).map {
      "\"ex-\($0)\": {\"firstPassed\": \($0), \"lastPassed\": \($0), \"passes\": 1}"
    }
    let checks = (0..<count).map { "\"ex-\($0)\": {\"checks\": \($0 + 1), \"passedOn\": 1}" }
    return "{\"version\": 2, \"lessons\": {}, \"questions\": {}, \"quizzes\": [], \"exercises\": {"
      + passed.joined(separator: ", ")
      + "}, \"exerciseChecks\": {" + checks.joined(separator: ", ") + "}}"
  }

  @Test("3,000 exercises: 1,000 kept on load, the most recently passed, in one line; saved cut")
  func hugeSection() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let path = dir + "/progress.json"
    let text = Self.huge(3000)
    writeFile(path, Array(text.utf8))
    let store = ProgressStore(directory: dir)
    let exercises = try #require(store.progress.exercises)
    let checks = try #require(store.progress.exerciseChecks)
    #expect(exercises.count == 1000)
    #expect(checks.count == 1000)
    #expect(exercises["ex-2999"] != nil && exercises["ex-2000"] != nil)
    #expect(exercises["ex-1999"] == nil && exercises["ex-0"] == nil)
    // The check counts kept are those of the exercises kept.
    #expect(Set(checks.keys) == Set(exercises.keys))
    let cut = store.notices.filter { $0.contains("exercise") }
    #expect(cut.count == 1, "\(store.notices)")
    #expect(cut.first?.contains("3000") == true && cut.first?.contains("1000") == true, "\(cut)")
    // Reading does not rewrite the file.
    #expect(FileIO.readText(path, limit: 1 << 24) == text)

    // A save writes the bounded section, the exercise just passed in it.
    #expect(store.update { $0.recordExercisePassed("ex-2999", at: 5000) } == nil)
    let saved = try JSONDecoder().decode(
      Progress.self, from: Data(try #require(FileIO.readText(path, limit: 1 << 24)).utf8))
    #expect(saved.exercises?.count == 1000 && saved.exerciseChecks?.count == 1000)
    #expect(saved.exercises?["ex-2999"]?.passes == 2)
    #expect(saved.exercises?["ex-2999"]?.lastPassed == 5000)
    #expect(saved.exerciseChecks?["ex-2999"]?.checks == 3000)
    // Opened again, nothing more to cut: no line.
    let again = ProgressStore(directory: dir)
    #expect(again.notices.allSatisfy { !$0.contains("exercise") }, "\(again.notices)")
  }

  @Test("an exercise section's numbers, languages and ids are brought into range on load")
  func hostileValues() throws {
    let dir = freshDirectory()
    defer { removeTree(dir) }
    let longID = String(repeating: "x", count: 10_000)
    let languages = (0..<500).map { "\"lang\($0 % 50)\"" }.joined(separator: ", ")
    let text = """
      {"version": 2, "lessons": {}, "questions": {}, "quizzes": [],
       "exercises": {
         "a": {"firstPassed": 50, "lastPassed": 10, "passes": -4, "languages": ["c", "c", \(languages)]},
         "\(longID)": {"firstPassed": 1, "lastPassed": 1, "passes": 1}},
       "exerciseChecks": {
         "a": {"checks": -3, "passedOn": 9},
         "b": {"checks": 2, "passedOn": 0},
         "c": {"checks": 4, "passedOn": 7},
         "\(longID)": {"checks": 1}}}
      """
    writeFile(dir + "/progress.json", Array(text.utf8))
    let store = ProgressStore(directory: dir)
    let a = try #require(store.progress.exercises?["a"])
    #expect(a.passes == 1, "a passed exercise was passed at least once")
    #expect(a.firstPassed <= a.lastPassed)
    #expect(a.languages?.first == "c")
    #expect((a.languages?.count ?? 0) <= 8 && Set(a.languages ?? []).count == a.languages?.count)
    #expect(store.progress.exercises?[longID] == nil)
    #expect(store.progress.exerciseChecks?[longID] == nil)
    let checks = try #require(store.progress.exerciseChecks)
    #expect(checks["a"]?.checks == 0 && checks["a"]?.passedOn == nil)
    #expect(checks["b"]?.checks == 2 && checks["b"]?.passedOn == nil)
    #expect(checks["c"]?.checks == 4 && checks["c"]?.passedOn == nil)
    let cut = store.notices.filter { $0.contains("exercise") }
    #expect(cut.count == 1, "\(store.notices)")
  }
}
