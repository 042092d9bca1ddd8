import Glibc
import OSKit

/// A small structured message: the Swift counterpart of what Python's `Connection.send`
/// pickles. The IPC tutorial's `[42, None, 'hello']` is `.list([.int(42), .none, .text("hello")])`.
indirect enum Message: Equatable, Sendable, CustomStringConvertible {
  case none
  case int(Int64)
  case text(String)
  case bytes([UInt8])
  case list([Message])

  /// Written the way Python would print it.
  var description: String {
    switch self {
    case .none: "None"
    case .int(let v): String(v)
    case .text(let s): "'\(s)'"
    case .bytes(let b):
      b.count <= 8 ? "b'\(b.map { String($0) }.joined(separator: ","))'" : "<\(b.count) bytes>"
    case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    }
  }

  /// The encoding: a tag byte, then the value (little-endian lengths and integers).
  func encode(into out: inout [UInt8]) {
    switch self {
    case .none: out.append(0)
    case .int(let v):
      out.append(1)
      Message.appendInteger(UInt64(bitPattern: v), bytes: 8, to: &out)
    case .text(let s):
      out.append(2)
      Message.appendInteger(UInt64(s.utf8.count), bytes: 4, to: &out)
      out += s.utf8
    case .bytes(let b):
      out.append(3)
      Message.appendInteger(UInt64(b.count), bytes: 4, to: &out)
      out += b
    case .list(let items):
      out.append(4)
      Message.appendInteger(UInt64(items.count), bytes: 4, to: &out)
      for item in items { item.encode(into: &out) }
    }
  }

  var encoded: [UInt8] {
    var out: [UInt8] = []
    encode(into: &out)
    return out
  }

  static func appendInteger(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
    for i in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
  }

  /// Decodes one message that fills `bytes` exactly.
  static func decode(_ bytes: [UInt8]) throws(FrameError) -> Message {
    var position = 0
    let message = try decode(bytes, at: &position, depth: 0)
    guard position == bytes.count else {
      throw FrameError("\(bytes.count - position) stray bytes after a message")
    }
    return message
  }

  private static func decode(_ b: [UInt8], at p: inout Int, depth: Int) throws(FrameError)
    -> Message
  {
    guard depth < 32 else { throw FrameError("message nested too deeply") }
    guard p < b.count else { throw FrameError("message cut short") }
    let tag = b[p]
    p += 1
    func integer(_ n: Int) throws(FrameError) -> UInt64 {
      guard p + n <= b.count else { throw FrameError("message cut short") }
      var v: UInt64 = 0
      for i in 0..<n { v |= UInt64(b[p + i]) << (8 * UInt64(i)) }
      p += n
      return v
    }
    switch tag {
    case 0: return .none
    case 1: return .int(Int64(bitPattern: try integer(8)))
    case 2, 3:
      let n = Int(try integer(4))
      guard p + n <= b.count else { throw FrameError("message cut short") }
      let body = Array(b[p..<p + n])
      p += n
      return tag == 2 ? .text(String(decoding: body, as: UTF8.self)) : .bytes(body)
    case 4:
      let n = Int(try integer(4))
      guard n <= b.count - p else { throw FrameError("list longer than its frame") }
      var items: [Message] = []
      for _ in 0..<n { items.append(try decode(b, at: &p, depth: depth + 1)) }
      return .list(items)
    default: throw FrameError("unknown tag \(tag)")
    }
  }
}

/// A frame or message that could not be read: one line.
struct FrameError: Error, CustomStringConvertible {
  var description: String
  init(_ text: String) { description = text }
}

/// Length-prefixed frames over a byte stream (a pipe, a socket): a 4-byte little-endian
/// length, then that many bytes. The stream keeps no boundaries; the prefix puts them back.
enum Frames {
  /// The largest frame accepted (a corrupt length must not make us allocate gigabytes).
  static let maximumLength = 16 << 20

  /// The frame for `payload`: prefix and payload in one buffer, so one `write` sends it.
  static func frame(_ payload: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(payload.count + 4)
    Message.appendInteger(UInt64(payload.count), bytes: 4, to: &out)
    out += payload
    return out
  }

  /// Sends one message as one frame with one `write` (retried only if the pipe takes part).
  static func send(_ message: Message, to fd: Int32) throws(SystemError) {
    try FileIO.writeAll(fd, frame(message.encoded))
  }
}

/// Reads frames from a descriptor through a buffer, so that a small frame costs one `read`
/// (the prefix and the payload arrive together) and several frames can arrive in one read.
final class FrameReader {
  let fd: Int32
  private var buffer: UnsafeMutableRawPointer
  private var capacity: Int
  private var start = 0
  private var end = 0
  /// How many read() calls returned data: more frames than reads means reads were merged.
  private(set) var reads = 0

  init(fd: Int32, capacity: Int = 64 << 10) {
    self.fd = fd
    self.capacity = capacity
    buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// The next frame's payload, handed to `body` without copying; false at a clean end of
  /// stream (between frames).
  /// - Throws: `FrameError` for a stream that ends inside a frame or a length over the limit;
  ///   `SystemError` when `read` fails.
  func next(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
    guard try fill(4) else {
      if end > start { throw FrameError("stream ended inside a frame header") }
      return false
    }
    var length = 0
    for i in 0..<4 {
      length |= Int(buffer.load(fromByteOffset: start + i, as: UInt8.self)) << (8 * i)
    }
    guard length <= Frames.maximumLength else {
      throw FrameError(
        "frame of \(length) bytes is over the \(Frames.maximumLength >> 20) MiB limit")
    }
    guard try fill(4 + length) else { throw FrameError("stream ended inside a frame") }
    try body(UnsafeRawBufferPointer(start: buffer + start + 4, count: length))
    start += 4 + length
    return true
  }

  /// The next frame's payload as an array, or nil at a clean end of stream.
  func nextPayload() throws -> [UInt8]? {
    var out: [UInt8]?
    guard try next({ out = Array($0) }) else { return nil }
    return out
  }

  /// The next frame decoded as a `Message`, or nil at a clean end of stream.
  func nextMessage() throws -> Message? {
    guard let payload = try nextPayload() else { return nil }
    return try Message.decode(payload)
  }

  /// Makes sure `count` bytes are buffered; false if the stream ended first.
  private func fill(_ count: Int) throws -> Bool {
    if end - start >= count { return true }
    if start > 0 {
      if end > start { memmove(buffer, buffer + start, end - start) }
      end -= start
      start = 0
    }
    if count > capacity {
      let bigger = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
      bigger.copyMemory(from: buffer, byteCount: end)
      buffer.deallocate()
      buffer = bigger
      capacity = count
    }
    while end < count {
      let n = read(fd, buffer + end, capacity - end)
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError("reading a frame from descriptor \(fd)")
      }
      if n == 0 { return false }
      reads += 1
      end += n
    }
    return true
  }
}
