/**
 * HTML → PDF (A4) and SVG → PNG with Debian's Chromium through playwright-core. One browser per
 * renderer, reused; a fresh context and page per render. Nothing is ever fetched (QUALITY C4): every
 * request is aborted, the context is offline, JavaScript and service workers are off.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { Lang } from '../../core/model/kinds.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A4 margins (mm); the top and bottom ones hold the running header and the page footer. */
const MARGIN = { top: '20mm', right: '17mm', bottom: '18mm', left: '17mm' };
/** Outer box of the header and footer templates: the page width, inset by the side margins. */
const TEMPLATE_STYLE =
  'font-family: Liberation Sans, DejaVu Sans, Arial, sans-serif; font-size: 7.5pt; color: #6f7271; width: 100%; ' +
  `box-sizing: border-box; padding: 0 ${MARGIN.right} 0 ${MARGIN.left}; -webkit-print-color-adjust: exact;`;
/** SVGs drawn per page by screenshotSvgs: a taller page is a larger bitmap. */
const SVGS_PER_PAGE = 6;
const ROW_STYLE = 'display: flex; justify-content: space-between; gap: 4mm;';

export interface PdfRenderOptions {
  /** Running header (the report's title). */
  title: string;
  lang: Lang;
  /** Shown at the right of the header while the report is a draft ("BORRADOR"). */
  draftLabel?: string;
  /** "Página" / "Page": the footer reads "Página N de M" / "Page N of M". */
  pageLabel: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class PdfRenderer {
  private constructor(private browser: Browser) {}

  static async launch(): Promise<PdfRenderer> {
    return new PdfRenderer(await launchChromium());
  }

  /** A context that cannot reach anything: offline, every request aborted, no JavaScript. */
  private async isolatedContext(
    viewport?: { width: number; height: number },
    deviceScaleFactor = 1,
  ): Promise<BrowserContext> {
    if (!this.browser.isConnected()) this.browser = await launchChromium();
    const context = await this.browser.newContext({
      javaScriptEnabled: false,
      offline: true,
      serviceWorkers: 'block',
      acceptDownloads: false,
      ...(viewport ? { viewport, deviceScaleFactor } : {}),
    });
    await context.route('**/*', (route) => route.abort());
    return context;
  }

  async render(html: string, options: PdfRenderOptions): Promise<Buffer> {
    const context = await this.isolatedContext();
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const of = options.lang === 'es' ? 'de' : 'of';
      const draft = options.draftLabel
        ? `<span style="flex: none; align-self: flex-end; font-weight: 700; color: #9f2241;">${escapeHtml(options.draftLabel)}</span>`
        : '';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        margin: MARGIN,
        headerTemplate:
          `<div style="${TEMPLATE_STYLE}"><div style="${ROW_STYLE} border-bottom: 0.3mm solid #bc955c; padding-bottom: 1.5mm;">` +
          // The title wraps onto a second line rather than being cut: the top margin holds two.
          `<span style="flex: 1 1 auto; min-width: 0; line-height: 1.3;">` +
          `${escapeHtml(options.title)}</span>${draft}</div></div>`,
        footerTemplate:
          `<div style="${TEMPLATE_STYLE} text-align: right;">${escapeHtml(options.pageLabel)} ` +
          `<span class="pageNumber"></span> ${of} <span class="totalPages"></span></div>`,
        outline: true,
        tagged: true,
      });
    } finally {
      await context.close();
    }
  }

  /** A PNG of the SVG at width × height CSS px, drawn at 2× for print sharpness (for DOCX). */
  async screenshotSvg(svg: string, width: number, height: number): Promise<Buffer> {
    const [png] = await this.screenshotSvgs([svg], width, height);
    return png!;
  }

  /**
   * PNGs of several SVGs of the same size, drawn in one page (stacked, a few at a time) rather than one page
   * each: a context and a page cost more than the drawing.
   */
  async screenshotSvgs(svgs: readonly string[], width: number, height: number): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for (let i = 0; i < svgs.length; i += SVGS_PER_PAGE) {
      const batch = svgs.slice(i, i + SVGS_PER_PAGE);
      const context = await this.isolatedContext({ width, height: height * batch.length }, 2);
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        const html =
          '<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff;overflow:hidden}' +
          `div{width:${width}px;height:${height}px;overflow:hidden}svg{display:block;width:${width}px;height:${height}px}` +
          `</style></head><body>${batch.map((svg) => `<div>${svg}</div>`).join('')}</body></html>`;
        await page.setContent(html, { waitUntil: 'load' });
        for (let k = 0; k < batch.length; k++)
          out.push(await page.screenshot({ type: 'png', clip: { x: 0, y: k * height, width, height } }));
      } finally {
        await context.close();
      }
    }
    return out;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
