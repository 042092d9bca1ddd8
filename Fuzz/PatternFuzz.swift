// libFuzzer entry for the text-answer pattern matcher: the input's first line is a
// `pattern:`, the rest is the answer typed. A slow input counts as a finding (run.sh gives it a
// short -timeout): matching is linear in the answer times the pattern's compiled size.
// Built by `make fuzz` (Fuzz/run.sh); not part of the package.
import Lessons

@_cdecl("LLVMFuzzerTestOneInput")
public func patternFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let text = String(decoding: bytes, as: UTF8.self)
  let newline = text.firstIndex(of: "\n") ?? text.endIndex
  let pattern = String(text[..<newline])
  let answer = newline < text.endIndex ? String(text[text.index(after: newline)...]) : ""
  let problem = TextPattern.problem(pattern)
  let matched = TextPattern.wholeMatch(pattern, answer)
  if problem != nil && matched { fatalError("a refused pattern matched") }
  // Every line of the answer on its own, and the pattern against itself.
  for line in answer.split(separator: "\n").prefix(8) {
    _ = TextPattern.wholeMatch(pattern, String(line))
  }
  _ = TextPattern.wholeMatch(pattern, pattern)
  return 0
}
