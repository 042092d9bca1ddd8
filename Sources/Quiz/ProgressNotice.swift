import Localization
import OSKit

/// What `ProgressStore` says about `progress.json` on opening and saving, in the student's
/// language (Messages+Progress.swift).
enum ProgressNotice {
  static func readOnly(_ directory: String) -> String {
    Catalog.text("progress.store.readOnly", ["directory": directory])
  }

  static func leftAlone(_ refusal: FileRefusal) -> String {
    Catalog.text("progress.store.leftAlone", ["refusal": refusal.line.text()])
  }

  static var empty: String { Catalog.text("progress.store.empty") }
  static var notJSON: String { Catalog.text("progress.store.notJSON") }

  static func setAside(_ reason: String, as target: String) -> String {
    Catalog.text("progress.store.setAside", ["reason": reason, "target": target])
  }

  static func notMoved(_ reason: String) -> String {
    Catalog.text("progress.store.notMoved", ["reason": reason])
  }

  static func cannotSave(_ path: String, _ error: String) -> String {
    Catalog.text("progress.store.cannotSave", ["path": path, "error": error])
  }

  /// The exercise section held more than `Progress.boundExercises` keeps.
  static func exercisesCut(passed: Int, checked: Int, kept: Int, keptChecked: Int) -> String {
    Catalog.text(
      "progress.store.exercisesCut",
      [
        "passed": "\(passed)", "checked": "\(checked)", "keptPassed": "\(kept)",
        "keptChecked": "\(keptChecked)", "limit": "\(Progress.exercisesKept)",
        "length": "\(Progress.longestExerciseID)",
      ])
  }
}
