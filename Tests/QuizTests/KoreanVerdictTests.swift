import Localization
import Quiz
import Testing

/// A prediction's verdict in Korean: 정답, 오답, 이번에는 빗나감, 채점 안 함.
@Suite struct KoreanVerdictTests {
  @Test func verdictsInKorean() throws {
    let fact = try RecordedReportTests.grade("child-ppid", "ids", "false")
    #expect(fact.verdictText(unicode: true, language: .ko) == "✗ 오답")
    #expect(fact.verdictText(unicode: false, language: .ko) == "오답")
    let measured = try RecordedReportTests.grade("waiting-threads", "pool-thread", "2")
    #expect(measured.verdictText(unicode: true, language: .ko) == "✗ 이번에는 빗나감")
    let right = try RecordedReportTests.grade("waiting-threads", "pool-thread", "4")
    #expect(right.verdictText(unicode: true, language: .ko) == "✓ 정답")
    #expect(right.verdictText(unicode: true, language: .en) == "✓ right")
    let notGraded = Grade.notGraded(given: "3", reason: "the demo could not run")
    #expect(notGraded.verdictText(unicode: true, language: .ko) == "채점 안 함")
  }
}
