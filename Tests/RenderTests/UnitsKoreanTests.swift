import Localization
import Render
import Testing

/// Durations in Korean: 초, 밀리초, 마이크로초, 나노초 against the number; English unchanged.
@Suite struct UnitsKoreanTests {
  @Test(arguments: [
    (812e-9, "812나노초"), (1.234e-6, "1.23마이크로초"), (45.6e-3, "45.6밀리초"), (2.0, "2.00초"),
    (0.0, "0초"), (1234.0, "1234초"), (999.6e-9, "1.00마이크로초"), (-0.0125, "-12.5밀리초"),
  ])
  func koreanDurations(seconds: Double, expected: String) {
    #expect(Units.duration(seconds, language: .ko) == expected)
  }

  @Test func englishIsTheDefaultAndUnchanged() {
    #expect(Units.duration(45.6e-3) == "45.6 ms")
    #expect(Units.duration(45.6e-3, language: .en) == "45.6 ms")
    #expect(Units.duration(0) == "0 s")
    #expect(Units.duration(.nan) == "n/a")
    #expect(Units.plusMinus(mean: 1.23e-3, σ: 45.6e-6) == "1.23 ms ± 45.6 µs")
  }

  @Test func koreanPlusMinusAndGrouping() {
    #expect(Units.plusMinus(mean: 1.23e-3, σ: 45.6e-6, language: .ko) == "1.23밀리초 ± 45.6마이크로초")
    #expect(Units.duration(.infinity, language: .ko) == "없음")
    // Grouping stays 1,000,000 for Korean readers too: count has no language to differ by.
    #expect(Units.count(1_000_000) == "1,000,000")
  }
}
