export interface ImageInfo {
  ext: "jpg" | "png" | "gif"
  contentType: string
  width: number
  height: number
}

function jpegSize(data: Buffer): { width: number; height: number } {
  let offset = 2
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) {
      offset++
      continue
    }
    const marker = data[offset + 1]
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
      offset += marker === 0xff ? 1 : 2
      continue
    }
    const length = data.readUInt16BE(offset + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) }
    }
    offset += 2 + length
  }
  return { width: 0, height: 0 }
}

/** Identifies jpg/png/gif by magic bytes; undefined for anything else. */
export function imageInfo(data: Buffer): ImageInfo | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47 && data.readUInt32BE(4) === 0x0d0a1a0a) {
    return { ext: "png", contentType: "image/png", width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  }
  if (data.length >= 10 && /^GIF8[79]a$/.test(data.subarray(0, 6).toString("latin1"))) {
    return { ext: "gif", contentType: "image/gif", width: data.readUInt16LE(6), height: data.readUInt16LE(8) }
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return { ext: "jpg", contentType: "image/jpeg", ...jpegSize(data) }
  }
  return undefined
}
