/** @module Chinese PDF documents (pdfkit + embedded, subset Noto CJK fonts from Debian's fonts-noto-cjk). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/**
 * pdfkit and fontkit (≈ 0.1 s and 15 MB) are loaded on the first PDF, not at start: most processes
 * never write one.
 */
let pdfkit: typeof import('pdfkit') | null = null;
const PDFDocument = (): typeof import('pdfkit') =>
  (pdfkit ??= require('pdfkit') as typeof import('pdfkit'));

const FONT_DIR = '/usr/share/fonts/opentype/noto';

// Parsed fonts are shared by every document: reading and parsing a 20–27 MB TTC per document cost
// several times more than laying out a whole letter. pdfkit accepts a fontkit font object as a source.
type Fontkit = { create(data: Buffer, postscriptName: string): unknown };
let fontkit: Fontkit | null = null;
const parsedFonts = new Map<string, unknown>();
function font(file: string, postscriptName: string): string {
  const key = `${file}#${postscriptName}`;
  if (!parsedFonts.has(key))
    parsedFonts.set(
      key,
      (fontkit ??= require('fontkit') as Fontkit).create(
        readFileSync(`${FONT_DIR}/${file}`),
        postscriptName,
      ),
    );
  return parsedFonts.get(key) as string;
}

/** Font names registered on every document. */
export const FONTS = { body: 'Body', bold: 'Bold', sans: 'Sans' } as const;

export class PdfFontMissingError extends Error {
  constructor() {
    super(`未找到中文字体（${FONT_DIR}）：请安装 fonts-noto-cjk`);
  }
}

/** A new A4 document with the CJK fonts registered and the body font selected. */
export function createPdf(info: { title: string; author?: string }): PDFKit.PDFDocument {
  if (!existsSync(`${FONT_DIR}/NotoSerifCJK-Regular.ttc`)) throw new PdfFontMissingError();
  const Pdf = PDFDocument();
  const doc = new Pdf({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: info.title, Author: info.author ?? 'open12348' },
  });
  doc.registerFont(FONTS.body, font('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'));
  doc.registerFont(FONTS.bold, font('NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'));
  doc.registerFont(FONTS.sans, font('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'));
  doc.font(FONTS.body);
  return doc;
}

/** Ends the document and collects its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
