import { describe, expect, it } from 'vitest'
import { hydrated, newPage, takeBrowserReports } from '../support/browser'
import { useAppInBrowser } from '../support/e2e'

// The Content-Security-Policy as the browser applies it: the page hydrates
// under it without a report, eval and foreign resources are violations, and the
// check in tests/support/browser.ts sees them (so it can fail the other flows).
describe('content security policy in the browser', () => {
  const app = useAppInBrowser()

  it('hydrates /setup under the policy with nothing reported, and reports eval and a foreign image as violations', async () => {
    const { context, page } = await newPage(app.browser, app.server.url)
    await page.goto('/setup')
    await hydrated(page)
    expect(takeBrowserReports()).toEqual([])

    // A script carrying the page's nonce runs, but its eval is a violation.
    // (Chromium under DevTools control reports it without always stopping it;
    // the header itself is checked in tests/api/security-headers.test.ts.)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.nonce = (document.querySelector('script[nonce]') as HTMLScriptElement).nonce
      script.textContent = 'setTimeout(() => { try { new Function("return 1")() } catch {} })'
      document.head.append(script)
    })
    await expect.poll(() => takeBrowserReports().join('\n'), { timeout: 5_000 }).toMatch(/CSP violation: script-src blocked eval/)
    // An image from another site is blocked before it is requested.
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'https://images.example.invalid/pixel.png'
      document.body.append(img)
    })
    await expect.poll(() => takeBrowserReports().join('\n'), { timeout: 5_000 }).toMatch(/CSP violation: img-src blocked https:\/\/images\.example\.invalid/)
    await context.close()
  })
})
