import CProcLab
import Glibc

/// Small, EINTR-safe helpers over raw file descriptors.
public enum FileIO {

  /// The names of a directory's entries (without `.` and `..`), unsorted; nil when it cannot be
  /// read, with `errno` saying why.
  public static func entries(in directory: String) -> [String]? {
    guard let dir = opendir(directory) else { return nil }
    defer { _ = closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String in
        guard let base = raw.baseAddress else { return "" }
        let length = strnlen(base.assumingMemoryBound(to: CChar.self), raw.count)
        return String(decoding: UnsafeRawBufferPointer(start: base, count: length), as: UTF8.self)
      }
      if name != ".", name != "..", !name.isEmpty { names.append(name) }
    }
    return names
  }
  /// Writes every byte of `bytes` to `fd`, retrying short writes and EINTR.
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemError) {
    var offset = 0
    while offset < bytes.count {
      let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError("writing to descriptor \(fd)")
      }
      offset += n
    }
  }

  public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(SystemError) {
    let failure: SystemError? = bytes.withUnsafeBytes { buffer in
      do throws(SystemError) {
        try writeAll(fd, buffer)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
  }

  public static func writeAll(_ fd: Int32, _ text: String) throws(SystemError) {
    try writeAll(fd, Array(text.utf8))
  }

  /// Reads up to `count` bytes; returns [] at end of file. Retries EINTR.
  public static func read(_ fd: Int32, upTo count: Int) throws(SystemError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    while true {
      let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError("reading from descriptor \(fd)")
      }
      buffer.removeSubrange(n...)
      return buffer
    }
  }

  /// Reads exactly `count` bytes, or fewer only at end of file.
  public static func readExactly(_ fd: Int32, _ count: Int) throws(SystemError) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(count)
    while out.count < count {
      let chunk = try read(fd, upTo: count - out.count)
      if chunk.isEmpty { break }
      out += chunk
    }
    return out
  }

  /// The whole content of a small file (such as /proc/<pid>/stat), or nil if it cannot be read.
  public static func readFile(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var out: [UInt8] = []
    while out.count < limit {
      guard let chunk = try? read(fd, upTo: min(65536, limit - out.count)) else { return nil }
      if chunk.isEmpty { break }
      out += chunk
    }
    return out
  }

  /// A small text file, decoded as UTF-8 (invalid bytes repaired).
  public static func readText(_ path: String, limit: Int = 1 << 20) -> String? {
    readFile(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
  }

  /// Closes `fd`, ignoring EINTR (close must never be retried on Linux).
  public static func closeQuietly(_ fd: Int32) {
    if fd >= 0 { _ = close(fd) }
  }

  /// Sets or clears O_NONBLOCK.
  public static func setNonBlocking(_ fd: Int32, _ on: Bool = true) {
    let flags = fcntl(fd, F_GETFL)
    _ = fcntl(fd, F_SETFL, on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
  }

  /// Waits until `fd` is readable or `timeout` seconds pass (negative: forever).
  /// - Returns: true when readable (or at end of file / error state).
  public static func waitReadable(_ fd: Int32, timeout: Double) -> Bool {
    var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let ms = timeout < 0 ? -1 : Int32(min(timeout * 1000, Double(Int32.max)).rounded(.up))
    while true {
      let n = poll(&pfd, 1, ms)
      if n < 0 && errno == EINTR { continue }
      return n > 0
    }
  }
}

/// A pipe: `read` and `write` ends, both close-on-exec.
public struct PipeEnds: Sendable {
  public let read: Int32
  public let write: Int32

  /// Creates a pipe with O_CLOEXEC on both ends. The corresponding C function is `pipe2`.
  public init() throws(SystemError) {
    var fds: [Int32] = [-1, -1]
    try retryingInterrupts("creating a pipe") { pl_pipe_cloexec(&fds) }
    read = fds[0]
    write = fds[1]
  }

  public func closeBoth() {
    FileIO.closeQuietly(read)
    FileIO.closeQuietly(write)
  }
}
