import Localization
import Testing

/// The glossary: searched by Korean or English, whole or part, any Hangul input method.
@Suite struct GlossaryTests {
  @Test func searchedEitherWay() {
    #expect(Glossary.search("세마포어").first?.english == "semaphore")
    #expect(Glossary.search("semaphore").first?.korean == "세마포어")
    #expect(Glossary.search("Race Condition").first?.korean == "경쟁 상태")
    #expect(Glossary.search("GIL").first?.korean == "전역 인터프리터 락")
    #expect(Glossary.search("교착").map(\.english) == ["deadlock"])
  }

  @Test func exactMatchesComeFirst() {
    // "lock" is a term of its own and part of others (deadlock, mutex's other name, GIL).
    let found = Glossary.search("lock")
    #expect(found.first?.korean == "락")
    #expect(found.count > 1)
  }

  @Test func decomposedHangulMatches() {
    // 세마포어 typed as conjoining jamo (NFD), as some input methods send it.
    let decomposed = "\u{1109}\u{1166}\u{1106}\u{1161}\u{1111}\u{1169}\u{110B}\u{1165}"
    #expect(decomposed.unicodeScalars.count == 8)
    #expect(Glossary.search(decomposed).first?.english == "semaphore")
  }

  @Test func theTermsTheCourseNeedsAreThere() {
    #expect(Glossary.terms.count >= 50)
    for korean in [
      "프로세스", "스레드", "부모 프로세스", "자식 프로세스", "좀비 프로세스", "고아 프로세스", "회수",
      "세마포어", "뮤텍스", "락", "경쟁 상태", "교착 상태", "문맥 교환", "임계 구역", "공유 메모리", "파이프",
      "메시지 큐", "프로세스 풀", "동시성", "병렬성", "전역 인터프리터 락", "시스템 호출", "파일 디스크립터",
      "스케줄러", "처리량", "지연 시간", "표준편차", "중앙값",
    ] {
      #expect(Glossary.terms.contains { $0.korean == korean }, "\(korean) is missing")
    }
    #expect(Set(Glossary.terms.map(\.korean)).count == Glossary.terms.count)
    #expect(Set(Glossary.terms.map(\.english)).count == Glossary.terms.count)
  }

  @Test func nothingMatchesNothing() {
    #expect(Glossary.search("xyzzy").isEmpty)
    #expect(Glossary.search("").count == Glossary.terms.count)
  }
}
