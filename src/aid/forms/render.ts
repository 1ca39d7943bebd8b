/** @module One layout for every form template: office, title, case number, fields, text, signatures, verification code. */
import { createPdf, FONTS, pdfToBuffer } from '../../core/pdf.js';
import type { FormContext, FormTemplate } from './templates.js';

export async function renderForm(
  t: FormTemplate,
  c: FormContext,
  verificationCode: string,
): Promise<Buffer> {
  const title = t.title(c);
  const doc = createPdf({ title, author: c.agencyName });
  doc.font(FONTS.bold).fontSize(18).text(c.agencyName, { align: 'center' });
  doc.moveDown(0.4).fontSize(17).text(title, { align: 'center' });
  doc.moveDown(0.4).font(FONTS.body).fontSize(11);
  doc.text(`案件编号：${c.a.ref_no ?? ''}`, { align: 'right' });
  doc.moveDown().fontSize(12);
  for (const [label, value] of t.fields(c)) {
    doc.font(FONTS.bold).text(`${label}：`, { continued: true });
    doc.font(FONTS.body).text(value, { lineGap: 4 });
  }
  doc.moveDown();
  for (const p of t.body(c)) doc.text(p, { lineGap: 6, paragraphGap: 6 });
  doc.moveDown(2);
  for (const s of t.signatures(c)) doc.text(s, { align: 'right', lineGap: 8 });
  // The code lets anyone holding the paper confirm it was issued here, without reading personal data.
  doc.moveDown(2).font(FONTS.sans).fontSize(9);
  doc.text(
    `核验码：${verificationCode}（可在 /api/v1/aid/forms/verify/${verificationCode} 核验本文书）`,
  );
  return pdfToBuffer(doc);
}
