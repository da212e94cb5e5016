/**
 * Finishing of an SVG string from ECharts' server-side renderer for print output: hover styles (and
 * their invalid "[object Object]" fills) and ECharts' metadata attributes dropped; ids made
 * deterministic and unique per drawing (several sit in one HTML document); the title as accessible name.
 */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function finishSsrSvg(raw: string, title: string, idPrefix: string): string {
  const clean = raw
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '');
  const prefix = `${idPrefix}${hash(clean.replace(/zr\d+-/g, 'zr-') + title)}-`;
  const label = escapeXml(title);
  return clean
    .replace(/zr\d+-/g, prefix)
    .replace(/^<svg /, `<svg role="img" aria-label="${label}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${label}</title>`);
}
