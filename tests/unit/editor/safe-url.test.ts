import { describe, expect, it } from 'vitest'
import { safeHref } from '../../../src/editor/safe-url'

describe('safeHref', () => {
  it('keeps web, e-mail and phone links', () => {
    expect(safeHref('https://www.oldham.gov.uk/food')).toBe('https://www.oldham.gov.uk/food')
    expect(safeHref('http://example.org')).toBe('http://example.org/')
    expect(safeHref('mailto:lab@oldham.gov.uk')).toBe('mailto:lab@oldham.gov.uk')
    expect(safeHref('tel:+441612345678')).toBe('tel:+441612345678')
  })

  it('adds https:// to a bare web address', () => {
    expect(safeHref('www.coopinnovation.co.uk/labs')).toBe('https://www.coopinnovation.co.uk/labs')
    expect(safeHref('oldham.gov.uk')).toBe('https://oldham.gov.uk/')
  })

  it('refuses scripts and other schemes, however they are disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      'jav\tascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://x/1',
      '//evil.example/x',
      '',
      'not a link',
      42
    ]) {
      expect(safeHref(bad), String(bad)).toBeNull()
    }
  })
})
