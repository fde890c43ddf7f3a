// The one way a note's text is stored: a few formatting tags, no attributes,
// scripts and their content gone. Expected outputs written by hand.
import { describe, expect, it } from 'vitest'
import { FDI_TEETH, noteCreateSchema } from '../../models'
import { hasVisibleText, sanitizeNoteBody } from '../../server/sanitize'

describe('sanitizeNoteBody', () => {
  it.each([
    ['<p>Plain</p>', '<p>Plain</p>'],
    ['<p onclick="x()">Hi <b>there</b><script>alert(1)</script><img src=x onerror=alert(1)></p>', '<p>Hi <strong>there</strong></p>'],
    ['<a href="javascript:alert(1)">link</a><i>ok</i>', 'link<em>ok</em>'],
    ['<div style="color:red">Line<br>two</div>', '<p>Line<br />two</p>'],
    ['<ul><li class="x">a</li></ul><ol><li>b</li></ol>', '<ul><li>a</li></ul><ol><li>b</li></ol>'],
    ['<iframe src="//evil"></iframe><style>p{color:red}</style>Text', 'Text'],
    ['<svg onload="alert(1)"><circle /></svg>x', 'x'],
    ['&lt;b&gt; stays text', '&lt;b&gt; stays text'],
    ['  <p>trimmed</p>  ', '<p>trimmed</p>'],
    ['<p>Caries on 26,&nbsp;<strong>deep</strong>\u00A0lesion</p>', '<p>Caries on 26, <strong>deep</strong> lesion</p>'],
    ['<u>u</u><s>s</s><strike>t</strike><blockquote>q</blockquote>', '<u>u</u><s>s</s><s>t</s><blockquote>q</blockquote>'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeNoteBody(input)).toBe(expected)
  })

  it('knows a body with nothing to read', () => {
    expect(hasVisibleText('<p><br></p>')).toBe(false)
    expect(hasVisibleText('<p>&nbsp; </p>')).toBe(false)
    expect(hasVisibleText('')).toBe(false)
    expect(hasVisibleText('<p>x</p>')).toBe(true)
  })
})

describe('the FDI numbers a note may name', () => {
  it('are the 32 permanent and 20 deciduous teeth', () => {
    expect(FDI_TEETH).toHaveLength(52)
    for (const tooth of [11, 18, 21, 28, 31, 38, 41, 48, 51, 55, 61, 65, 71, 75, 81, 85]) expect(FDI_TEETH, String(tooth)).toContain(tooth)
    for (const tooth of [0, 10, 19, 20, 29, 39, 49, 50, 56, 66, 76, 86, 99]) expect(FDI_TEETH, String(tooth)).not.toContain(tooth)
  })

  it('a tooth outside them is refused on `tooth`', () => {
    const base = { owner_type: 'tooth', owner_id: '11111111-1111-4111-8111-111111111111', type: 'diagnosis', body: 'x' }
    expect(noteCreateSchema.safeParse({ ...base, tooth: 16 }).success).toBe(true)
    const bad = noteCreateSchema.safeParse({ ...base, tooth: 19 })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map(i => [i.path.join('.'), i.message])).toEqual([['tooth', 'validation.tooth']])
  })
})
