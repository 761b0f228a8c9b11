import { describe, expect, it } from 'vitest'
import { floorHtml } from '../../../bench/floor'

const CAPTURED = `<!DOCTYPE html><html lang="en"><head>
<title>Question 1 of 29</title>
<script type="module" crossorigin="" src="./assets/index-abc.js"></script>
<link rel="modulepreload" crossorigin="" href="./assets/vendor-def.js">
<link rel="stylesheet" crossorigin="" href="./assets/index-123.css">
<link rel="preload" as="font" type="font/woff2" href="./assets/font.woff2" crossorigin="">
</head><body><div id="app" data-v-app=""><h1>Do you hold a license?</h1>
<input type="radio" name="a" value="yes"><label>Yes</label><button type="submit">Next</button></div>
<script>console.log('late')</script>
</body></html>`

describe('floorHtml', () => {
  it('keeps the markup, stylesheet and font preloads, and drops everything that runs', () => {
    const html = floorHtml(CAPTURED)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('modulepreload')
    expect(html).not.toContain('data-v-app')
    expect(html).toContain('<link rel="stylesheet" crossorigin="" href="./assets/index-123.css">')
    expect(html).toContain('href="./assets/font.woff2"')
    expect(html).toContain('<h1>Do you hold a license?</h1>')
    expect(html).toContain('<button type="submit">Next</button>')
  })

  it('refuses a page that would still run code or has no stylesheet', () => {
    expect(() => floorHtml(CAPTURED.replace('<button', '<button onclick="go()"'))).toThrow(/event handler/)
    expect(() => floorHtml(CAPTURED.replace('rel="stylesheet"', 'rel="alternate"'))).toThrow(/no stylesheet/)
  })
})
