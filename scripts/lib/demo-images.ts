import jpeg from "jpeg-js"
import { PNG } from "pngjs"

type Rgb = [number, number, number]

/**
 * Draws a simple product picture (a t-shirt silhouette on a light background)
 * so the demo and the tests have real JPEG and PNG files without downloads.
 */
function drawTee(width: number, height: number, color: Rgb, background: Rgb): Buffer {
  const pixels = Buffer.alloc(width * height * 4)
  const cx = width / 2
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x - cx) / width
      const v = y / height
      const body = Math.abs(u) < 0.22 && v > 0.25 && v < 0.9
      const sleeves = Math.abs(u) < 0.38 && v > 0.25 && v < 0.42 && Math.abs(u) > 0.1 - (v - 0.25)
      const neck = Math.abs(u) < 0.07 && v < 0.3
      const inside = (body || sleeves) && !neck
      const [r, g, b] = inside ? color : background
      const shade = inside ? 0.85 + 0.15 * Math.cos(u * 6) : 1
      const i = (y * width + x) * 4
      pixels[i] = Math.round(r * shade)
      pixels[i + 1] = Math.round(g * shade)
      pixels[i + 2] = Math.round(b * shade)
      pixels[i + 3] = 255
    }
  }
  return pixels
}

export function teeJpeg(color: Rgb, size = 480): Buffer {
  const data = drawTee(size, size, color, [245, 245, 245])
  return jpeg.encode({ data, width: size, height: size }, 85).data
}

export function teePng(color: Rgb, size = 480): Buffer {
  const png = new PNG({ width: size, height: size })
  png.data = drawTee(size, size, color, [250, 250, 250])
  return PNG.sync.write(png)
}

export const COLORS: Record<string, Rgb> = {
  Red: [200, 40, 50],
  Blue: [40, 80, 190],
  Green: [40, 150, 80],
  Black: [30, 30, 30],
  White: [235, 235, 235],
  Yellow: [230, 200, 40],
  Grey: [130, 130, 130],
  Navy: [20, 30, 90],
  Pink: [230, 130, 170],
  Orange: [240, 130, 30],
}
