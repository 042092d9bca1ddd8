import Localization
import OSKit
import Render

/// What a demo draws for a reader about a process, in the language of the run (`Catalog`).
///
/// Only for text a person reads: metric values keep OSKit's English descriptions
/// (`exited with status 7`, a state letter), which lesson rules compare.
enum DemoText {
  /// A duration as drawn for a reader: "45.6 ms" in English, "45.6밀리초" in Korean
  /// (`Units.duration` in the run's language).
  static func duration(_ seconds: Double, language: Language = Catalog.language) -> String {
    Units.duration(seconds, language: language)
  }

  /// An exit status as a sentence part: "exited with status 7", "종료 상태 7로 끝남".
  static func status(_ status: ExitStatus) -> String {
    switch status {
    case .exited(let code): Catalog.text("demo.status.exited", ["code": String(code)])
    case .signaled(let signal):
      Catalog.text("demo.status.killed", ["signal": Signals.name(signal)])
    }
  }

  /// The name of a /proc state letter: "zombie" for `Z`, "좀비" in Korean.
  static func stateName(_ state: Character) -> String {
    switch state {
    case "R": Catalog.text("demo.state.R")
    case "S": Catalog.text("demo.state.S")
    case "D": Catalog.text("demo.state.D")
    case "Z": Catalog.text("demo.state.Z")
    case "T", "t": Catalog.text("demo.state.T")
    case "X": Catalog.text("demo.state.X")
    case "I": Catalog.text("demo.state.I")
    default: Catalog.text("demo.state.unknown", ["state": String(state)])
    }
  }
}
