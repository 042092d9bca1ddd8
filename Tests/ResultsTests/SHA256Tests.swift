import Glibc
import OSKit
import Results
import Testing

@Suite("SHA-256")
struct SHA256Tests {
  @Test("the FIPS 180-4 example vectors")
  func fipsVectors() {
    #expect(
      SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
      ) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("agrees with sha256sum on random data of every length around the block boundaries")
  func againstSha256sum() throws {
    var generator = SystemRandomNumberGenerator()
    let lengths = Array(0...130) + [1000, 4095, 65_537]
    for length in lengths {
      let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let path = "/tmp/proclab-sha-\(getpid())-\(length)"
      let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      try FileIO.writeAll(fd, data)
      close(fd)
      defer { unlink(path) }
      let expected = try #require(sha256sum(path))
      #expect(SHA256.hex(data) == expected, "length \(length)")
    }
  }

  /// The first word `sha256sum` prints for `path`.
  func sha256sum(_ path: String) -> String? {
    guard let pipe = popen("sha256sum '\(path)'", "r") else { return nil }
    defer { pclose(pipe) }
    var buffer = [CChar](repeating: 0, count: 256)
    guard fgets(&buffer, 256, pipe) != nil else { return nil }
    let line = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return line.split(separator: " ").first.map(String.init)
  }
}
