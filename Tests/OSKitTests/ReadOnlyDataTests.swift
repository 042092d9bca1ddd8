import CProcLab
import Glibc
import OSKit
import Testing

/// The mechanism behind `ReadOnlyData`: find a section, tell written pages from clean ones, and
/// map clean pages again read-only, never written ones.
@Suite("Read-only data remapping")
struct ReadOnlyDataTests {
  /// A private, writable mapping of a 4-page temporary file whose page i is filled with i + 1.
  final class MappedFile {
    let fd: Int32
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let base: UnsafeMutableRawPointer
    var length: Int { 4 * page }

    init() throws {
      var template = Array("/tmp/proclab-remap-XXXXXX".utf8CString)
      fd = mkstemp(&template)
      try #require(fd >= 0)
      unlink(&template)
      for i in 0..<4 {
        let bytes = [UInt8](repeating: UInt8(i + 1), count: page)
        try #require(write(fd, bytes, page) == page)
      }
      let p = mmap(nil, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0)
      try #require(p != MAP_FAILED)
      base = try #require(p)
    }

    deinit {
      munmap(base, length)
      close(fd)
    }

    func byte(onPage i: Int) -> UInt8 { base.load(fromByteOffset: i * page, as: UInt8.self) }

    /// The permissions /proc/self/maps shows for the mapping holding `base`.
    func permissions() -> String? {
      let start = String(UInt(bitPattern: base), radix: 16)
      let maps = (FileIO.readText("/proc/self/maps") ?? "").split(separator: "\n")
      return maps.first { $0.hasPrefix(start + "-") }?.split(separator: " ").dropFirst().first
        .map(String.init)
    }
  }

  @Test("pages only read are clean; a written page makes the range private")
  func writtenPagesAreSeen() throws {
    let file = try MappedFile()
    for i in 0..<4 { #expect(file.byte(onPage: i) == UInt8(i + 1)) }
    #expect(pl_range_has_private_pages(file.base, file.length) == 0)
    file.base.storeBytes(of: 0xEE, toByteOffset: 2 * file.page, as: UInt8.self)
    #expect(pl_range_has_private_pages(file.base, file.length) == 1)
    #expect(pl_range_has_private_pages(file.base, file.page) == 0, "page 0 alone is clean")
  }

  @Test("clean pages are mapped again read-only, with the same bytes")
  func cleanRangeIsRemapped() throws {
    let file = try MappedFile()
    for i in 0..<4 { _ = file.byte(onPage: i) }
    #expect(file.permissions() == "rw-p")
    #expect(pl_remap_clean_readonly(file.base, file.length, file.fd, 0) == 0)
    #expect(file.permissions() == "r--p")
    for i in 0..<4 { #expect(file.byte(onPage: i) == UInt8(i + 1)) }
  }

  @Test("a range with a written page is refused, and the written byte is kept")
  func writtenRangeIsRefused() throws {
    let file = try MappedFile()
    file.base.storeBytes(of: 0xEE, toByteOffset: file.page, as: UInt8.self)
    errno = 0
    #expect(pl_remap_clean_readonly(file.base, file.length, file.fd, 0) == -1)
    #expect(errno == EBUSY)
    #expect(file.permissions() == "rw-p")
    #expect(file.byte(onPage: 1) == 0xEE)
    #expect(file.byte(onPage: 0) == 1)
  }

  @Test("sections are found by name in an ELF file, and a missing one is ENOENT")
  func sectionLookup() throws {
    let fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
    try #require(fd >= 0)
    defer { close(fd) }
    var address: UInt64 = 0
    var size: UInt64 = 0
    var offset: UInt64 = 0
    #expect(pl_elf_section(fd, ".rodata", &address, &size, &offset) == 0)
    #expect(size > 0 && offset > 0)
    errno = 0
    #expect(pl_elf_section(fd, ".no-such-section", &address, &size, &offset) == -1)
    #expect(errno == ENOENT)
    let notELF = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
    defer { close(notELF) }
    #expect(pl_elf_section(notELF, ".rodata", &address, &size, &offset) == -1)
  }

  @Test("remapping this test binary's sections leaves it working and is safe to repeat")
  func remapOwnSections() {
    // Whatever it remaps (a position-independent build's relocations keep most of it written),
    // the process must go on: every check below runs after it.
    let first = pl_remap_readonly_sections()
    #expect(first >= 0)
    let second = pl_remap_readonly_sections()
    #expect(second >= 0)
    #expect(ProcStatus.read() != nil)
    #expect(String(describing: [1, 2, 3]) == "[1, 2, 3]")
  }
}
