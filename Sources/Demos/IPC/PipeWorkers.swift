// The child processes the pipe demo starts (registered as worker roles): the sender, the
// echo and serve ends of the round trips and the bandwidth sink.
import Glibc
import OSKit

extension PipeDemo {
  /// `pipe-send <count> <framed>`: the IPC tutorial's f(conn), then `count` numbered messages.
  static let sendWorker: Workers.Role = { args in
    guard let count: Int = IPC.argument(args, 0), let framed: Int = IPC.argument(args, 1) else {
      return IPC.fail("usage: pipe-send <count> <framed 0|1>")
    }
    do {
      if framed == 0 {
        for m in streamWrites { try FileIO.writeAll(1, m.encoded) }
        return 0
      }
      try Frames.send(seedMessage, to: 1)
      for seq in 1...max(1, count) where seq <= count {
        try Frames.send(numbered(seq, pid: getpid()), to: 1)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-echo`: writes every frame back as it came.
  static let echoWorker: Workers.Role = { _ in
    let reader = FrameReader(fd: 0)
    do {
      while try reader.next({ payload in
        let whole = UnsafeRawBufferPointer(
          start: payload.baseAddress! - 4, count: payload.count + 4)
        try FileIO.writeAll(1, whole)
      }) {}
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-serve`: answers ['square', n] with ['squared', n*n, pid], echoes anything else.
  static let serveWorker: Workers.Role = { _ in
    let reader = FrameReader(fd: 0)
    do {
      while let m = try reader.nextMessage() {
        let reply: Message
        if case .list(let items) = m, items.count == 2, items[0] == .text("square"),
          case .int(let n) = items[1]
        {
          reply = .list([.text("squared"), .int(n &* n), .int(Int64(getpid()))])
        } else {
          reply = .list([.text("echo"), m])
        }
        try Frames.send(reply, to: 1)
      }
      return 0
    } catch {
      return IPC.fail("\(error)")
    }
  }

  /// `pipe-sink`: repeatedly reads a 16-byte header (total, chunk), then `total` bytes in
  /// reads of `chunk`, then acknowledges with 8 bytes.
  static let sinkWorker: Workers.Role = { _ in
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 64)
    defer { buffer.deallocate() }
    do {
      while true {
        let header = try FileIO.readExactly(0, 16)
        if header.isEmpty { return 0 }
        guard header.count == 16 else { return IPC.fail("short header") }
        var total = 0
        var chunk = 0
        for i in 0..<8 {
          total |= Int(header[i]) << (8 * i)
          chunk |= Int(header[8 + i]) << (8 * i)
        }
        chunk = max(1, min(chunk, 1 << 20))
        var got = 0
        while got < total {
          let n = read(0, buffer, min(chunk, total - got))
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { return IPC.fail("stream ended after \(got) of \(total) bytes") }
          got += n
        }
        try FileIO.writeAll(1, Array(header[0..<8]))
      }
    } catch {
      return IPC.fail("\(error)")
    }
  }
}
