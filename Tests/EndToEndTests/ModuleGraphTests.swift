import Glibc
import OSKit
import Testing

/// docs/architecture.md's module graph is the real one: every target's declared dependencies
/// (Package.swift) are the modules its files import, no more and no fewer.
@Suite struct ModuleGraphTests {
  /// Modules every target may import without declaring them.
  static let toolchain: Set<String> = [
    "Glibc", "FoundationEssentials", "Foundation", "Testing", "Synchronization", "Dispatch",
  ]

  static var root: String {
    var parts = #filePath.split(separator: "/").map(String.init)
    parts.removeLast(3)
    return "/" + parts.joined(separator: "/")
  }

  /// `target name → (declared dependencies, is a test target)`, read from Package.swift.
  static func declaredTargets() throws -> [String: (deps: Set<String>, test: Bool)] {
    let manifest = try #require(FileIO.readText(root + "/Package.swift"))
    var out: [String: (Set<String>, Bool)] = [:]
    // Each target starts at `.target(`, `.testTarget(`, `.executableTarget(` or
    // `.systemLibrary(`; its text runs to the next one.
    let starts = [".target(", ".testTarget(", ".executableTarget(", ".systemLibrary("]
    var pieces: [(kind: String, text: Substring)] = []
    var rest = manifest[...]
    while let next = starts.compactMap({ s in rest.firstRange(of: s).map { (s, $0) } })
      .min(by: { $0.1.lowerBound < $1.1.lowerBound })
    {
      let after = rest[next.1.upperBound...]
      let end =
        starts.compactMap { after.firstRange(of: $0)?.lowerBound }.min() ?? after.endIndex
      pieces.append((next.0, after[..<end]))
      rest = after[end...]
    }
    for (kind, text) in pieces {
      guard let name = Self.quoted(after: "name:", in: text) else { continue }
      var deps: Set<String> = []
      if let d = text.firstRange(of: "dependencies:") {
        let list = text[d.upperBound...]
        if let close = list.firstIndex(of: "]") {
          let body = list[..<close]
          // `.product(name: "X", …)` and plain `"X"` entries.
          var scan = body[...]
          while let q = scan.firstIndex(of: "\"") {
            let tail = scan[scan.index(after: q)...]
            guard let e = tail.firstIndex(of: "\"") else { break }
            let word = String(tail[..<e])
            let before = body[..<q].suffix(10)
            if !before.contains("package:") { deps.insert(word) }
            scan = tail[tail.index(after: e)...]
          }
        }
      }
      out[name] = (deps, kind == ".testTarget(")
    }
    return out
  }

  static func quoted(after key: String, in text: Substring) -> String? {
    guard let k = text.firstRange(of: key) else { return nil }
    let tail = text[k.upperBound...]
    guard let a = tail.firstIndex(of: "\"") else { return nil }
    let body = tail[tail.index(after: a)...]
    guard let b = body.firstIndex(of: "\"") else { return nil }
    return String(body[..<b])
  }

  /// The modules imported by the Swift files under `directory`.
  static func imports(in directory: String) -> Set<String> {
    var found: Set<String> = []
    var stack = [directory]
    while let dir = stack.popLast() {
      for entry in FileIO.entries(in: dir) ?? [] {
        let path = dir + "/" + entry
        if entry.hasSuffix(".swift") {
          for line in (FileIO.readText(path, limit: 1 << 22) ?? "").split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let i = words.firstIndex(of: "import"), i + 1 < words.count,
              words[..<i].allSatisfy({
                ["public", "internal", "@testable", "@preconcurrency"].contains($0)
              })
            else { continue }
            found.insert(String(words[i + 1]))
          }
        } else if !entry.hasPrefix("."), entry != "Golden", entry != "Fuzz" {
          var st = stat()
          if stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR { stack.append(path) }
        }
      }
    }
    return found
  }

  @Test func declaredDependenciesAreTheImports() throws {
    let targets = try Self.declaredTargets()
    #expect(targets["DemoContract"] != nil && targets["Demos"] != nil, "Package.swift not read")
    var problems: [String] = []
    for (name, target) in targets.sorted(by: { $0.key < $1.key }) {
      let dir = Self.root + (target.test ? "/Tests/" : "/Sources/") + name
      var st = stat()
      guard stat(dir, &st) == 0 else { continue }
      // C targets and system libraries declare header dependencies, not imports.
      let swiftFiles =
        (FileIO.entries(in: dir) ?? []).contains { $0.hasSuffix(".swift") }
        || !Self.imports(in: dir).isEmpty
      guard swiftFiles else { continue }
      let imported = Self.imports(in: dir).subtracting(Self.toolchain).subtracting([name])
      for module in imported.subtracting(target.deps).sorted() {
        problems.append("\(name) imports \(module) but does not declare it")
      }
      for module in target.deps.subtracting(imported).sorted() {
        problems.append("\(name) declares \(module) but never imports it")
      }
    }
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test func theContractImportsNothingOfProcLabs() {
    let imported = Self.imports(in: Self.root + "/Sources/DemoContract").subtracting(Self.toolchain)
    #expect(imported.isEmpty, "DemoContract imports \(imported.sorted())")
  }
}
