/**
 * @module The opinion letter as a printable A4 PDF: embedded, subset Noto CJK (src/core/pdf.ts), the sections
 * of the letter, and a QR code that opens the verify page.
 */
import QRCode from 'qrcode';
import { createPdf, FONTS, pdfToBuffer } from '../core/pdf.js';
import { yuan } from './calculators/types.js';
import type { LetterContent } from './letter.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Section headings; the caller passes 繁体 ones for zh-TW. */
export interface PdfLabels {
  title: string;
  sections: string[];
  code: string;
  date: string;
  total: string;
  basis: string;
  figures: string;
  deadline: string;
  verify: string;
  hash: string;
  example: string;
}

export const PDF_LABELS: PdfLabels = {
  title: '法律意见书',
  sections: [
    '您陈述的基本情况',
    '争议焦点',
    '适用的法律条文',
    '分析意见',
    '计算',
    '下一步建议与期限',
    '您还可以选择',
    '声明',
  ],
  code: '核验码',
  date: '出具日期',
  total: '合计',
  basis: '计算依据',
  figures: '所用数据',
  deadline: '期限',
  verify: '扫描二维码或访问以下网址，可核验本意见书是否真实、未被改动',
  hash: '内容摘要（SHA-256）',
  example: '（示例数据，请以官方公布数据为准）',
};

const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, n: number, text: string): void {
  doc.moveDown(0.6).font(FONTS.bold).fontSize(13).text(`${NUMERALS[n]}、${text}`).moveDown(0.3);
  doc.font(FONTS.body).fontSize(10.5);
}

function para(doc: Doc, text: string, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(text, { lineGap: 3, ...opts });
}

function calculations(doc: Doc, c: LetterContent, L: PdfLabels): void {
  for (const calc of c.calculations) {
    doc.font(FONTS.bold).text(calc.title, { lineGap: 3 }).font(FONTS.body);
    for (const line of calc.lines)
      para(doc, `· ${line.label}：${yuan(line.amount)}（${line.formula}）`, { indent: 12 });
    para(doc, `${L.total}：${yuan(calc.total)}`, { indent: 12 });
    doc.fontSize(9).fillColor('#444');
    for (const n of calc.notes) para(doc, n, { indent: 12 });
    para(doc, `${L.basis}：${calc.basis.join('、')}`, { indent: 12 });
    doc.fontSize(10.5).fillColor('black').moveDown(0.3);
  }
  if (c.figures.length) {
    doc.fontSize(9).fillColor('#444');
    para(doc, `${L.figures}：`);
    for (const f of c.figures)
      para(
        doc,
        `· ${f.label}：${f.value} ${f.unit}（${f.region}，${f.effectiveDate} 起，来源：${f.source}）${f.example ? L.example : ''}`,
        { indent: 12 },
      );
    doc.fontSize(10.5).fillColor('black');
  }
}

function body(doc: Doc, c: LetterContent, L: PdfLabels): void {
  const S = L.sections;
  let n = 0;
  heading(doc, n++, S[0]!);
  for (const f of c.facts) para(doc, `${f.question}\u3000${f.answer}`);
  heading(doc, n++, S[1]!);
  c.issues.forEach((t, i) => para(doc, `${i + 1}. ${t}`));
  heading(doc, n++, S[2]!);
  for (const a of c.articles) {
    doc.font(FONTS.bold).text(`《${a.title}》${a.label}`, { lineGap: 2 }).font(FONTS.body);
    doc.fontSize(9).fillColor('#555');
    para(doc, a.why);
    doc.fillColor('black').fontSize(10);
    para(doc, a.text.replace(/\n+/g, '\n'), { indent: 12 });
    doc.fontSize(10.5).moveDown(0.2);
  }
  heading(doc, n++, S[3]!);
  for (const t of c.analysis) para(doc, t);
  if (c.calculations.length) {
    heading(doc, n++, S[4]!);
    calculations(doc, c, L);
  }
  heading(doc, n++, S[5]!);
  c.steps.forEach((s, i) => {
    para(doc, `${i + 1}. ${s.text}`);
    if (s.deadline)
      para(doc, `${L.deadline}：${chineseDate(s.deadline.date)}（${s.deadline.label}）`, {
        indent: 12,
      });
  });
  heading(doc, n++, S[6]!);
  for (const o of c.options) para(doc, `· ${o.label}（${o.path}）：${o.text}`);
  heading(doc, n++, S[7]!);
  doc.fontSize(9);
  para(doc, c.disclaimer);
}

async function footer(doc: Doc, c: LetterContent, hash: string, L: PdfLabels): Promise<void> {
  const qr = await QRCode.toBuffer(c.verifyUrl, {
    type: 'png',
    margin: 1,
    width: 180,
    errorCorrectionLevel: 'M',
  });
  if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
  const top = doc.y + 12;
  const left = doc.page.margins.left;
  doc.image(qr, left, top, { width: 90, height: 90 });
  doc.fontSize(9).font(FONTS.body);
  doc.text(L.verify, left + 102, top, { width: 360 });
  doc.text(c.verifyUrl, { width: 360 });
  doc.text(`${L.code}：${c.code}`, { width: 360 });
  doc.text(`${L.hash}：${hash.slice(0, 32)}`, { width: 360 });
  doc.text(`${L.date}：${chineseDate(c.date)}`, { width: 360 });
}

/** Renders the letter; `hash` is the stored content hash printed beside the QR code. */
export async function renderLetterPdf(
  c: LetterContent,
  hash: string,
  L: PdfLabels = PDF_LABELS,
): Promise<Buffer> {
  const doc = createPdf({ title: `${L.title}（${c.scenario.title}）` });
  doc.font(FONTS.bold).fontSize(20).text(L.title, { align: 'center' });
  doc.font(FONTS.body).fontSize(12).text(c.scenario.title, { align: 'center' }).moveDown(0.3);
  doc
    .fontSize(9)
    .fillColor('#444')
    .text(`${L.code}：${c.code}\u3000\u3000${L.date}：${chineseDate(c.date)}`, { align: 'center' });
  doc.fillColor('black').fontSize(10.5);
  body(doc, c, L);
  await footer(doc, c, hash, L);
  return pdfToBuffer(doc);
}
