import Localization
import Testing

/// A count in a sentence agrees with its number: "went on 1 time", not "went on 1 times". The
/// condvar demo's notes take their counts as phrases (`demo.count.times`), said in the
/// language's own way (Korean counts with 번, one form for every number).
@Suite struct CountWordTests {
  static let condvarNotes = [
    "demo.condvar.note.while", "demo.condvar.note.whileShort", "demo.condvar.note.if",
    "demo.condvar.note.ifLucky",
  ]

  @Test("one time, five times; 1번, 5번")
  func timesPhrase() {
    #expect(Catalog.plural("demo.count.times", count: 1, in: .en) == "1 time")
    #expect(Catalog.plural("demo.count.times", count: 5, in: .en) == "5 times")
    #expect(Catalog.plural("demo.count.times", count: 1, in: .ko) == "1번")
    #expect(Catalog.plural("demo.count.times", count: 5, in: .ko) == "5번")
  }

  @Test("the condvar notes with counts of 1 read right in English and in Korean")
  func condvarNotesWithOne() {
    for key in Self.condvarNotes {
      // The phrases the demo passes (demo.count.times), written out.
      for (language, one) in [(Language.en, "1 time"), (.ko, "1번")] {
        let text = Catalog.text(
          key, in: language,
          ["items": "1", "woke": one, "takes": one, "puts": one, "waits": one])
        for word in [" times", " takes", " puts", " waits", "번"] {
          #expect(!text.contains(one + word), "\(key) (\(language)): \(text)")
        }
        #expect(text.contains(one), "\(key) (\(language)): \(text)")
      }
    }
  }
}
