const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML or SVG, in an element's content or a quoted attribute: `&`, `<`, `>`, `"` and `'` become
 * entities, so that text from records, config or targets can never open a tag or leave an attribute. The one escape
 * of the HTML report and its charts.
 *
 * @param text - any text.
 * @returns the text, safe between tags and inside a quoted attribute.
 * @example
 * escapeHtml('<script>alert("x")</script> & co');
 * //=> '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
