import { describe, expect, it } from 'vitest'
import { isKioskLaunch, kioskIdleSeconds } from '../../../electron/main/kiosk'

describe('isKioskLaunch', () => {
  it('is on only with the --kiosk switch', () => {
    expect(isKioskLaunch(['/opt/app/health-it-role-finder', '--kiosk'])).toBe(true)
    expect(isKioskLaunch(['/opt/app/health-it-role-finder'])).toBe(false)
    expect(isKioskLaunch(['/opt/app/health-it-role-finder', '--kiosked', 'kiosk'])).toBe(false)
  })
})

describe('kioskIdleSeconds', () => {
  it('reads --kiosk-idle=SECONDS within 5 to 3600, else keeps the 3-minute default', () => {
    expect(kioskIdleSeconds(['app', '--kiosk', '--kiosk-idle=90'])).toBe(90)
    expect(kioskIdleSeconds(['app', '--kiosk'])).toBe(180)
    for (const bad of ['0', '2', '99999', 'abc', '1.5', '']) expect(kioskIdleSeconds([`--kiosk-idle=${bad}`])).toBe(180)
  })
})
