import Glibc

/// The contents of a text file such as `/proc/cpuinfo`, or nil if it cannot be read.
///
/// Reads until end of file rather than trusting the size, which is 0 for files in /proc and
/// /sys. Reads at most `limit` bytes.
func readTextFile(_ path: String, limit: Int = 1 << 20) -> String? {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return nil }
  defer { close(descriptor) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 16 * 1024)
  while bytes.count < limit {
    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 {
      if errno == EINTR { continue }
      return nil
    }
    if count == 0 { break }
    bytes += buffer[0..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}
