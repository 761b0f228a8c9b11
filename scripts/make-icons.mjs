/**
 * `npm run icons`: renders assets/icon.svg into every icon electron-builder needs.
 * The outputs are committed, so packaging never depends on this script running.
 *   assets/icon.png          1024×1024 (macOS and the fallback for every platform)
 *   assets/icons/NxN.png     16…512 (Linux desktop entries)
 *   assets/icon.ico          Windows, PNG-compressed sizes up to 256
 *   assets/icon.icns         macOS
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url))
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

function write(relative, data) {
  if (!data) throw new Error(`Could not create ${relative}`)
  const target = path.join(ASSETS, relative)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, data)
  console.log(`wrote assets/${relative} (${data.length} bytes)`)
}

const svg = fs.readFileSync(path.join(ASSETS, 'icon.svg'))
const large = render(svg, 1024)
write('icon.png', large)
for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, render(svg, size))
png2icons.setLogger(() => {})
write('icon.ico', png2icons.createICO(large, png2icons.BICUBIC, 0, true, true))
write('icon.icns', png2icons.createICNS(large, png2icons.BICUBIC, 0))
