import Glibc
import Results
import Testing

@Suite("whoami: names and ids")
struct StudentIdentityTests {
  @Test("Hangul, Latin and accented names are welcome, trimmed of surrounding spaces")
  func goodNames() throws {
    #expect(try StudentIdentity.validName("Kim Minji") == "Kim Minji")
    #expect(try StudentIdentity.validName("  김민지 ") == "김민지")
    #expect(try StudentIdentity.validName("Zoë O'Brien-Smith") == "Zoë O'Brien-Smith")
    #expect(try StudentIdentity.validName("Dr. José Núñez") == "Dr. José Núñez")
  }

  @Test("control characters, escapes, digits, empty and overlong names are refused in one line")
  func badNames() {
    for bad in [
      "", "   ", "Kim\u{1B}[2J", "Kim\tMinji", "Kim\nMinji", "R2D2", "a\u{202E}b",
      String(repeating: "가", count: 101),
    ] {
      #expect(throws: IdentityProblem.self, "\(bad.debugDescription)") {
        try StudentIdentity.validName(bad)
      }
    }
    do {
      _ = try StudentIdentity.validName("Kim\u{1B}[2J")
    } catch {
      #expect(error.message.contains("U+001B"))
      #expect(error.message.contains("Hangul welcome"))
      #expect(!error.message.contains("\u{1B}"))
      #expect(!error.message.contains("\n"))
    }
  }

  @Test("ids are ASCII letters, digits, - and _; anything else is refused naming what is allowed")
  func ids() throws {
    #expect(try StudentIdentity.validID("2026123") == "2026123")
    #expect(try StudentIdentity.validID(" s-12_A ") == "s-12_A")
    for bad in ["", "12 34", "１２３", "id;rm", "a\u{0}b", String(repeating: "1", count: 33)] {
      #expect(throws: IdentityProblem.self, "\(bad.debugDescription)") {
        try StudentIdentity.validID(bad)
      }
    }
    do {
      _ = try StudentIdentity.validID("id;rm")
    } catch {
      #expect(
        error.message
          == "the student id contains ';' (U+003B): a student id is 1 to 32 ASCII letters, digits, - and _"
      )
    }
  }

  @Test("saved and loaded from the state directory; a file holding a bad name is refused")
  func saveAndLoad() throws {
    var template = Array("/tmp/proclab-whoami-XXXXXX".utf8CString)
    let dir = String(cString: try #require(mkdtemp(&template)))
    defer {
      unlink(dir + "/whoami.json")
      rmdir(dir)
    }
    #expect(try StudentIdentity.load(from: dir) == nil)
    let me = try StudentIdentity(name: "김민지", id: "2026123")
    try me.save(in: dir)
    #expect(try StudentIdentity.load(from: dir) == me)
    let fd = open(dir + "/whoami.json", O_WRONLY | O_TRUNC)
    _ = "{\"name\":\"Kim\\u001b[2J\",\"id\":\"1\"}".withCString { write(fd, $0, strlen($0)) }
    close(fd)
    #expect(throws: IdentityProblem.self) { try StudentIdentity.load(from: dir) }
  }
}
