// libFuzzer entry for the Markdown renderer: the input is a lesson's Markdown. It is made
// safe as the lesson parser makes it (TerminalSafe), rendered plain and in colour at two
// widths, and every escape in the output must be ProcLab's own styling (`ESC [ digits;… m`).
// A slow input counts as a finding (run.sh gives it a short -timeout): rendering is linear.
// Built by `make fuzz` (Fuzz/run.sh); not part of the package.
import Render

@_cdecl("LLVMFuzzerTestOneInput")
public func markdownFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
  let raw = String(decoding: bytes, as: UTF8.self)
  let text = TerminalSafe.escape(raw, lineBreaks: .kept)
  _ = MarkdownRenderer.tooDeeplyNestedLine(text)
  for style in [TerminalStyle.plain(width: 40), .fancy(width: 80), .fancy(width: 9)] {
    let out = MarkdownRenderer(style: style).render(text)
    let foreign = firstForeignEscape(Array(out.utf8), color: style.color)
    if let foreign { fatalError("an escape that is not ProcLab's styling at byte \(foreign)") }
  }
  return 0
}

/// The offset of the first control character in `bytes` that is not part of an SGR sequence
/// (with colour) and not a newline or a tab; nil if there is none.
func firstForeignEscape(_ bytes: [UInt8], color: Bool) -> Int? {
  var i = 0
  while i < bytes.count {
    let b = bytes[i]
    if b == 0x1B {
      guard color, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { return i }
      var j = i + 2
      while j < bytes.count, (0x30...0x39).contains(bytes[j]) || bytes[j] == 0x3B { j += 1 }
      guard j < bytes.count, bytes[j] == UInt8(ascii: "m") else { return i }
      i = j + 1
      continue
    }
    if b < 0x20 && b != 0x0A && b != 0x09 { return i }
    if b == 0x7F { return i }
    if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return i }
    i += 1
  }
  return nil
}
