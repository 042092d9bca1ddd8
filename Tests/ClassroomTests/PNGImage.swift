/// Just enough PNG to check a screenshot: the signature, the header, and the pixels of an
/// 8-bit RGB or RGBA image (zlib inflate and the five scanline filters), so a test can tell a
/// rendered page from a blank one without a library.
struct PNGImage {
  var width: Int
  var height: Int
  /// Bytes per pixel: 3 (RGB) or 4 (RGBA).
  var channels: Int
  /// Unfiltered rows, `width * channels` bytes each.
  var pixels: [UInt8]

  static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  init(_ bytes: [UInt8]) throws {
    guard bytes.count > 33, Array(bytes[0..<8]) == Self.signature else {
      throw Problem(description: "no PNG signature")
    }
    func u32(_ at: Int) -> Int {
      Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }
    var at = 8
    var idat: [UInt8] = []
    var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
    while at + 8 <= bytes.count {
      let length = u32(at)
      let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
      let data = (at + 8)..<(at + 8 + length)
      guard data.upperBound + 4 <= bytes.count else {
        throw Problem(description: "truncated \(type)")
      }
      switch type {
      case "IHDR":
        header = (
          u32(data.lowerBound), u32(data.lowerBound + 4), bytes[data.lowerBound + 8],
          bytes[data.lowerBound + 9], bytes[data.lowerBound + 12]
        )
      case "IDAT": idat += bytes[data]
      default: break
      }
      at = data.upperBound + 4
      if type == "IEND" { break }
    }
    guard let header else { throw Problem(description: "no IHDR") }
    guard header.depth == 8, header.colour == 2 || header.colour == 6, header.interlace == 0 else {
      throw Problem(description: "not 8-bit RGB(A), non-interlaced: \(header)")
    }
    width = header.width
    height = header.height
    channels = header.colour == 6 ? 4 : 3
    let raw = try Inflate.zlib(idat)
    let stride = width * channels
    guard raw.count == height * (stride + 1) else {
      throw Problem(description: "\(raw.count) bytes of pixels for \(width)×\(height)")
    }
    var out = [UInt8](repeating: 0, count: height * stride)
    for y in 0..<height {
      let filter = raw[y * (stride + 1)]
      let row = y * (stride + 1) + 1
      for x in 0..<stride {
        let a = x >= channels ? Int(out[y * stride + x - channels]) : 0
        let b = y > 0 ? Int(out[(y - 1) * stride + x]) : 0
        let c = x >= channels && y > 0 ? Int(out[(y - 1) * stride + x - channels]) : 0
        let predictor: Int
        switch filter {
        case 0: predictor = 0
        case 1: predictor = a
        case 2: predictor = b
        case 3: predictor = (a + b) / 2
        case 4:
          let p = a + b - c
          let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
          predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
        default: throw Problem(description: "filter \(filter) on row \(y)")
        }
        out[y * stride + x] = UInt8(truncatingIfNeeded: Int(raw[row + x]) + predictor)
      }
    }
    pixels = out
  }

  /// The distinct colours (RGB) of the image, up to `limit`.
  func colours(limit: Int = 1000) -> Set<UInt32> {
    var seen: Set<UInt32> = []
    var i = 0
    while i + 2 < pixels.count && seen.count < limit {
      seen.insert(UInt32(pixels[i]) << 16 | UInt32(pixels[i + 1]) << 8 | UInt32(pixels[i + 2]))
      i += channels
    }
    return seen
  }
}

/// RFC 1950/1951 inflate: stored, fixed and dynamic Huffman blocks.
enum Inflate {
  struct Bits {
    let bytes: [UInt8]
    var at = 0
    var bit = 0
    mutating func read(_ n: Int) throws -> Int {
      var value = 0
      for i in 0..<n {
        guard at < bytes.count else { throw PNGImage.Problem(description: "inflate ran out") }
        value |= Int(bytes[at] >> bit & 1) << i
        bit += 1
        if bit == 8 { (bit, at) = (0, at + 1) }
      }
      return value
    }
  }

  /// A canonical Huffman code: counts per length and symbols in code order.
  struct Huffman {
    var counts = [Int](repeating: 0, count: 16)
    var symbols: [Int] = []
    init(_ lengths: [Int]) {
      for l in lengths { counts[l] += 1 }
      counts[0] = 0
      var offsets = [Int](repeating: 0, count: 16)
      for l in 1..<16 { offsets[l] = offsets[l - 1] + counts[l - 1] }
      symbols = [Int](repeating: 0, count: lengths.count)
      for (s, l) in lengths.enumerated() where l > 0 {
        symbols[offsets[l]] = s
        offsets[l] += 1
      }
    }
    func decode(_ bits: inout Bits) throws -> Int {
      var (code, first, index) = (0, 0, 0)
      for l in 1..<16 {
        code |= try bits.read(1)
        let count = counts[l]
        if code - count < first { return symbols[index + (code - first)] }
        index += count
        first = (first + count) << 1
        code <<= 1
      }
      throw PNGImage.Problem(description: "bad Huffman code")
    }
  }

  static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  static func zlib(_ data: [UInt8]) throws -> [UInt8] {
    guard data.count > 2, data[0] & 0x0F == 8 else {
      throw PNGImage.Problem(description: "not zlib")
    }
    var bits = Bits(bytes: data, at: 2)
    var out: [UInt8] = []
    var last = 0
    repeat {
      last = try bits.read(1)
      switch try bits.read(2) {
      case 0:
        if bits.bit > 0 { (bits.bit, bits.at) = (0, bits.at + 1) }
        guard bits.at + 4 <= data.count else { throw PNGImage.Problem(description: "stored block") }
        let length = Int(data[bits.at]) | Int(data[bits.at + 1]) << 8
        bits.at += 4
        guard bits.at + length <= data.count else { throw PNGImage.Problem(description: "stored") }
        out += data[bits.at..<(bits.at + length)]
        bits.at += length
      case 1:
        let lengths =
          [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
          + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
        try block(&bits, &out, Huffman(lengths), Huffman([Int](repeating: 5, count: 30)))
      case 2:
        let (literals, distances) = try dynamicCodes(&bits)
        try block(&bits, &out, literals, distances)
      default: throw PNGImage.Problem(description: "block type 3")
      }
    } while last == 0
    return out
  }

  static func dynamicCodes(_ bits: inout Bits) throws -> (Huffman, Huffman) {
    let hlit = try bits.read(5) + 257
    let hdist = try bits.read(5) + 1
    let hclen = try bits.read(4) + 4
    let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    var codeLengths = [Int](repeating: 0, count: 19)
    for i in 0..<hclen { codeLengths[order[i]] = try bits.read(3) }
    let lengthCode = Huffman(codeLengths)
    var lengths: [Int] = []
    while lengths.count < hlit + hdist {
      let symbol = try lengthCode.decode(&bits)
      switch symbol {
      case 0..<16: lengths.append(symbol)
      case 16:
        guard let previous = lengths.last else { throw PNGImage.Problem(description: "repeat") }
        lengths += [Int](repeating: previous, count: 3 + (try bits.read(2)))
      case 17: lengths += [Int](repeating: 0, count: 3 + (try bits.read(3)))
      default: lengths += [Int](repeating: 0, count: 11 + (try bits.read(7)))
      }
    }
    return (Huffman(Array(lengths[0..<hlit])), Huffman(Array(lengths[hlit..<(hlit + hdist)])))
  }

  static func block(
    _ bits: inout Bits, _ out: inout [UInt8], _ literals: Huffman, _ distances: Huffman
  ) throws {
    while true {
      let symbol = try literals.decode(&bits)
      if symbol < 256 {
        out.append(UInt8(symbol))
      } else if symbol == 256 {
        return
      } else {
        let l = symbol - 257
        guard l < lengthBase.count else { throw PNGImage.Problem(description: "length \(symbol)") }
        let length = lengthBase[l] + (try bits.read(lengthExtra[l]))
        let d = try distances.decode(&bits)
        guard d < distanceBase.count else { throw PNGImage.Problem(description: "distance \(d)") }
        let distance = distanceBase[d] + (try bits.read(distanceExtra[d]))
        guard distance <= out.count else { throw PNGImage.Problem(description: "too far back") }
        let start = out.count - distance
        for i in 0..<length { out.append(out[start + i]) }
      }
    }
  }
}
