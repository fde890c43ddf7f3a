// The one way a note's text is stored: sanitised HTML with a handful of
// formatting tags and no attributes at all (no links, no styles, no event
// handlers), whatever the editor or an API client sent.
import sanitizeHtml from 'sanitize-html'
import { NOTE_ALLOWED_TAGS } from '../models'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...NOTE_ALLOWED_TAGS],
  allowedAttributes: {},
  // The editors' spellings of the same formatting.
  transformTags: { b: 'strong', i: 'em', strike: 's', del: 's', div: 'p' },
  // Script and style contents are dropped with their tags, never kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  disallowedTagsMode: 'discard',
}

/**
 * The body as stored: allowed tags only, trimmed. Non-breaking spaces (what an
 * editable box types at the end of a line) become plain spaces.
 */
export function sanitizeNoteBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).replace(/&nbsp;|\u00A0/g, ' ').trim()
}

/** Whether a sanitised body has any text a reader would see. */
export function hasVisibleText(html: string): boolean {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/&nbsp;|\s/g, '').length > 0
}
