import LineEditor
import Testing

@Suite("Type-ahead")
struct TypeAheadTests {
  @Test("keys, not bytes: a Hangul syllable, an arrow key and Enter are one key each")
  func keyCount() {
    #expect(TypeAhead.keyCount(Array("ab\nc".utf8)) == 4)
    #expect(TypeAhead.keyCount(Array("한".utf8)) == 1)
    #expect(TypeAhead.keyCount([0x1B, 0x5B, 0x41]) == 1)  // Up
    #expect(TypeAhead.keyCount([0x1B, 0x5B, 0x31, 0x35, 0x7E, 0x61]) == 2)  // F5, a
    #expect(TypeAhead.keyCount([0x1B, 0x78]) == 1)  // Alt-x
    #expect(TypeAhead.keyCount([]) == 0)
  }
}
