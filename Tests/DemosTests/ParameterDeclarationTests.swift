import DemoContract
import Glibc
import OSKit
import Render
import Testing

@testable import Demos

/// Every demo reads exactly the parameters it declares: its typed keys are its declaration,
/// each key is read, no parameter is read by a name in a string, and every default is valid.
@Suite struct ParameterDeclarationTests {
  static let demos = DemoCatalog.all + DemoCatalog.testOnly

  /// Every Swift file under Sources/Demos, by path.
  static let sources: [(path: String, text: String)] = {
    var parts = #filePath.split(separator: "/").map(String.init)
    parts.removeLast(3)
    let root = "/" + parts.joined(separator: "/") + "/Sources/Demos"
    return swiftFiles(under: root).compactMap { path in FileIO.readText(path).map { (path, $0) } }
  }()

  static func swiftFiles(under directory: String) -> [String] {
    guard let dir = opendir(directory) else { return [] }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") { continue }
      let path = directory + "/" + name
      if name.hasSuffix(".swift") {
        out.append(path)
      } else if entry.pointee.d_type == UInt8(DT_DIR) {
        out += swiftFiles(under: path)
      }
    }
    return out.sorted()
  }

  @Test func theSourcesAreFound() {
    #expect(Self.sources.count > 20)
  }

  @Test func noDemoReadsAParameterByAStringName() {
    let patterns = [
      "params.int(", "params.double(", "params.word(", "params.words(", "params.flag(",
    ]
    for (path, text) in Self.sources {
      for pattern in patterns {
        let found = text.contains(pattern)
        #expect(!found, "\(path) reads a parameter by name: \(pattern)")
      }
    }
  }

  @Test(arguments: Self.demos.map(\.name))
  func theKeysAreTheDeclaration(name: String) throws {
    let demo = try #require(DemoCatalog.named(name))
    #expect(demo.parameterSet.strayProperties.isEmpty, "\(name): not parameter keys")
    #expect(demo.parameterSet.specs == demo.parameters)
    let names = demo.parameters.map(\.name)
    #expect(Set(names).count == names.count, "\(name) declares a parameter twice")
  }

  @Test(arguments: Self.demos.map(\.name))
  func everyDeclaredKeyIsRead(name: String) throws {
    let demo = try #require(DemoCatalog.named(name))
    let text = Self.sources(naming: demo.parameterSet).joined(separator: "\n")
    for (property, key) in demo.parameterSet.keys {
      let read = Self.reads(property, in: text)
      #expect(read, "\(name) declares \(key.spec.name) but never reads params.\(property)")
    }
  }

  /// The files that name `keys`' type (`SpawnKeys`) or the type it is nested in (`ShmRace` for
  /// `ShmRace.Keys`): where the demo that declares them reads them.
  static func sources(naming keys: any ParameterSet.Type) -> [String] {
    let path = String(reflecting: keys).split(separator: ".").dropFirst()  // the module
    let owner = path.count > 1 ? path.dropLast().joined(separator: ".") : path.joined()
    return sources.filter { $0.text.contains(owner) }.map(\.text)
  }

  @Test func aDemosKeysAreLookedForInItsOwnFiles() throws {
    let shmRace = try #require(DemoCatalog.named("shm-race")).parameterSet
    #expect(Self.sources(naming: shmRace).contains { $0.contains("enum ShmRace {") })
    #expect(!Self.sources(naming: shmRace).contains { $0.contains("enum PipeDemo {") })
    let spawn = try #require(DemoCatalog.named("spawn")).parameterSet
    #expect(Self.sources(naming: spawn).contains { $0.contains("struct SpawnKeys") })
  }

  /// Whether `params.<property>` occurs as a whole member name.
  static func reads(_ property: String, in text: String) -> Bool {
    var rest = Substring(text)
    let needle = "params." + property
    while let range = rest.firstRange(of: needle) {
      let next = rest[range.upperBound...].first
      if next.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true { return true }
      rest = rest[range.upperBound...]
    }
    return false
  }

  @Test(arguments: Self.demos.map(\.name))
  func helpRunListsEveryParameterWithItsDefaultAndWhatIsAllowed(name: String) throws {
    let demo = try #require(DemoCatalog.named(name))
    let help = demo.helpText(style: TerminalStyle(unicode: true, color: false, width: 100))
    let lines = help.split(separator: "\n").map(String.init)
    for spec in demo.parameters {
      // The parameter's entry: its line and the lines it wraps onto (indented past "  name=").
      let line = lines.firstIndex { $0.hasPrefix("  \(spec.name)=") }.map { start in
        let rest = lines[(start + 1)...].prefix { $0.hasPrefix("   ") }
        return ([lines[start]] + rest.map { $0.drop { $0 == " " } }.map(String.init)).joined(
          separator: " ")
      }
      #expect(
        line?.hasPrefix("  \(spec.name)=\(spec.defaultValue) ") == true, "\(name): \(spec.name)")
      #expect(line?.hasSuffix("; \(spec.allowed)") == true, "\(name): \(spec.name)")
    }
  }

  @Test(arguments: Self.demos.map(\.name))
  func defaultsAreValidAndReadBackTyped(name: String) throws {
    let demo = try #require(DemoCatalog.named(name))
    let validated = try demo.validate([])
    #expect(validated.order == demo.parameters.map(\.name))
    for (property, key) in demo.parameterSet.keys {
      let readsDefault = Self.readsDefault(key, validated)
      #expect(readsDefault, "\(name).\(property)")
    }
  }

  static func readsDefault<Key: ParameterKey>(_ key: Key, _ validated: Parameters) -> Bool {
    validated.values[key.spec.name].flatMap(key.value(of:)) == key.defaultValue
  }
}
