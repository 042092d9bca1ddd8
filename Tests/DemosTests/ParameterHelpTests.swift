import DemoContract
import Demos
import Localization
import Render
import Testing

/// Every parameter a demo declares has a Korean help text (Messages+DemosParameters.swift),
/// keeping its code, paths and numbers; the Korean table holds nothing no parameter declares;
/// and `help run <demo>` in Korean shows them, with Korean unit words, within 80 columns.
@Suite struct ParameterHelpTests {
  /// Every declared parameter, with its demo's name.
  static var parameters: [(demo: String, parameter: ParameterSpec)] {
    (DemoCatalog.all + DemoCatalog.testOnly).flatMap { demo in
      demo.parameters.map { (demo.name, $0) }
    }
  }

  /// The words of `text` that are code, a path, a number or a literal: what a translation keeps.
  static func kept(_ text: String) -> [String] {
    text.split(separator: " ").map { $0.trimmingCharacters(in: "(),;:") }.filter { word in
      word.contains { "/_.()[]=|0123456789".contains($0) } || word.hasPrefix("'")
        || ["O_CLOEXEC", "Full/Empty", "numpy", "ProcessPoolExecutor()"].contains(word)
    }
  }

  /// `text` without its white space (a word longer than the column is cut where it wraps).
  static func collapsed(_ text: String) -> String {
    text.filter { $0 != " " && $0 != "\n" }
  }

  /// The units whose word is the same in both languages (a symbol, a name from the code).
  static let sameInBothLanguages: Set<MetricUnit> = [.pid, .id, .kibibytes, .exitcode]

  @Test func everyDeclaredParameterHasAKoreanHelp() {
    #expect(Self.parameters.count > 90, "the parameters were not found")
    for (demo, p) in Self.parameters {
      #expect(
        ParameterHelp.korean[p.help] != nil,
        "\(demo): \(p.name)'s help '\(p.help)' has no Korean in Messages+DemosParameters.swift")
      #expect(ParameterHelp.text(p.help, in: .en) == p.help)
    }
  }

  @Test func everyKoreanHelpIsDeclared() {
    let declared = Set(Self.parameters.map(\.parameter.help))
    for english in ParameterHelp.korean.keys.sorted() {
      #expect(
        declared.contains(english),
        "'\(english)' is in Messages+DemosParameters.swift but no parameter has it")
    }
  }

  @Test func koreanHelpIsHangulAndKeepsTheCode() {
    for (english, korean) in ParameterHelp.korean {
      #expect(
        korean.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 },
        "'\(english)': the Korean '\(korean)' has no Hangul")
      for word in Self.kept(english) {
        #expect(korean.contains(word), "'\(english)': the Korean '\(korean)' lost '\(word)'")
      }
    }
  }

  @Test("help run in Korean: each parameter's Korean help, Korean units, 80 columns")
  func helpRunInKorean() {
    for demo in DemoCatalog.all {
      let text = demo.helpText(style: .plain(width: 80), language: .ko)
      for line in text.split(separator: "\n") {
        #expect(DisplayWidth.of(String(line)) <= 80, "\(demo.name): \(line)")
      }
      let said = Self.collapsed(text)
      for p in demo.parameters {
        let korean = Self.collapsed(ParameterHelp.text(p.help, in: .ko))
        #expect(said.contains(korean), "\(demo.name): '\(korean)' is not in \(said)")
        #expect(!said.contains(Self.collapsed(p.help)), "\(demo.name): English '\(p.help)'")
      }
      for m in demo.metrics where !Self.sameInBothLanguages.contains(m.unit) {
        #expect(!said.contains("·\(Self.collapsed(m.unit.rawValue))·"), "\(demo.name): \(m.path)")
      }
      #expect(!said.contains("oneof"), "\(demo.name): \(said)")
      #expect(!said.contains("awholenumber"), "\(demo.name): \(said)")
    }
  }

  @Test("help run in English is the declared English")
  func helpRunInEnglish() {
    for demo in DemoCatalog.all {
      let said = Self.collapsed(demo.helpText(style: .plain(width: 80), language: .en))
      for p in demo.parameters {
        #expect(said.contains(Self.collapsed(p.help)), "\(demo.name): \(p.name)")
      }
      for m in demo.metrics {
        #expect(said.contains("·\(Self.collapsed(m.unit.rawValue))·"), "\(demo.name): \(m.path)")
      }
      #expect(!said.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 })
    }
  }
}

extension Substring {
  /// The substring without any of `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> String {
    let set = Set(characters)
    var s = self[...]
    while let c = s.first, set.contains(c) { s = s.dropFirst() }
    while let c = s.last, set.contains(c) { s = s.dropLast() }
    return String(s)
  }
}
