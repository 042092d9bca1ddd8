// libFuzzer entry for the quiz-answer parser and the check-rule parser. The first byte picks
// a question of `FuzzQuestions.pool`; the rest is what the student typed, also read as a
// `check:` rule. Built by `make fuzz` (Fuzz/run.sh); not part of the package.
import Lessons

@_cdecl("LLVMFuzzerTestOneInput")
public func answerFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  guard let selector = bytes.first else { return 0 }
  let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
  let pool = FuzzQuestions.pool
  FuzzQuestions.answer(text, to: pool[Int(selector) % pool.count])
  if let rule = try? CheckRule.parse(text) {
    _ = rule.description
    _ = rule.metricPaths
    _ = rule.input
  }
  return 0
}
