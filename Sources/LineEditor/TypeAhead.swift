import Glibc

/// What was typed on the terminal while ProcLab was not reading it (during a demo): taken off
/// the terminal's input queue so that it is dropped, and counted, so the student can be told.
public enum TypeAhead {
  /// Takes everything waiting in the terminal's input queue, whole lines and a line still
  /// being typed alike, and returns its bytes; the terminal's settings are left as they were.
  ///
  /// In canonical mode a read returns only whole lines, so the queue is read with `ICANON`
  /// off (`VMIN` 0, `VTIME` 0: a read returns at once), which makes a partial line readable.
  ///
  /// - Parameter fd: a terminal descriptor; anything else gives no bytes.
  /// - Returns: the bytes that were waiting.
  public static func take(from fd: Int32 = 0) -> [UInt8] {
    var saved = termios()
    guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return [] }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 0
      cc[Int(VTIME)] = 0
    }
    guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return [] }
    defer { tcsetattr(fd, TCSANOW, &saved) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1024)
    // The queue holds at most 4 KiB (N_TTY_BUF_SIZE); the bound only guards the loop.
    while bytes.count < 65536 {
      let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      bytes += chunk[0..<got]
    }
    return bytes
  }

  /// How many keys `bytes` are: a UTF-8 character is one key, an escape sequence (an arrow
  /// key: ESC [ A; a function key: ESC [ 1 5 ~; Alt-x: ESC x) is one key.
  public static func keyCount(_ bytes: [UInt8]) -> Int {
    var keys = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if byte & 0xC0 == 0x80 { continue }  // a UTF-8 continuation byte
      keys += 1
      guard byte == 0x1B, i < bytes.count else { continue }
      let next = bytes[i]
      i += 1
      guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O") else { continue }
      // A CSI or SS3 sequence ends with its final byte, 0x40–0x7E.
      while i < bytes.count {
        let b = bytes[i]
        i += 1
        if b >= 0x40 && b <= 0x7E { break }
      }
    }
    return keys
  }
}
