/** @module Chinese PDF documents (pdfkit + embedded, subset Noto CJK fonts from Debian's fonts-noto-cjk). */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

const FONT_DIR = '/usr/share/fonts/opentype/noto';

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
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 64, right: 64 }, info: { Title: info.title, Author: info.author ?? 'open12348' } });
  doc.registerFont(FONTS.body, `${FONT_DIR}/NotoSerifCJK-Regular.ttc`, 'NotoSerifCJKsc-Regular');
  doc.registerFont(FONTS.bold, `${FONT_DIR}/NotoSerifCJK-Bold.ttc`, 'NotoSerifCJKsc-Bold');
  doc.registerFont(FONTS.sans, `${FONT_DIR}/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular');
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
