/** @module The printable decision notice (给予/不予法律援助决定书) as a Chinese PDF. */
import { createPdf, FONTS, pdfToBuffer } from '../core/pdf.js';
import { localDate } from './clock.js';
import { decisionVerificationCode } from './fee-waiver.js';
import { CASE_TYPE_LABELS } from './presenter.js';
import type { AidApplication } from './tables.js';

export async function decisionNotice(
  a: AidApplication,
  agencyName: string,
  granted: boolean,
): Promise<Buffer> {
  const title = granted ? '给予法律援助决定书' : '不予法律援助决定书';
  const doc = createPdf({ title, author: agencyName });
  doc.font(FONTS.bold).fontSize(20).text(agencyName, { align: 'center' });
  doc.moveDown(0.5).fontSize(18).text(title, { align: 'center' });
  doc
    .moveDown(0.5)
    .font(FONTS.body)
    .fontSize(11)
    .text(a.ref_no ?? '', { align: 'right' });
  doc.moveDown().fontSize(13);
  doc.text(`申请人：${a.applicant_name}`);
  doc.text(`申请事项：${CASE_TYPE_LABELS[a.case_type] ?? a.case_type}`);
  doc.text(`申请日期：${localDate(a.received_at)}`);
  doc.moveDown();
  const body = granted
    ? `经审查，你的法律援助申请符合《中华人民共和国法律援助法》规定的条件，本机构决定给予法律援助，并将自本决定作出之日起三日内指派法律援助人员。`
    : `经审查，你的法律援助申请不符合《中华人民共和国法律援助法》规定的条件，本机构决定不予法律援助。`;
  doc.text(body, { lineGap: 6 });
  doc.moveDown().font(FONTS.bold).text('理由：');
  doc.font(FONTS.body).text(a.decision_reasons ?? '', { lineGap: 6 });
  if (!granted) {
    doc
      .moveDown()
      .text(
        '如对本决定有异议，可以依照《中华人民共和国法律援助法》第四十九条向设立本机构的司法行政部门提出；对司法行政部门维持本决定的，可以依法申请行政复议或者提起行政诉讼。',
        { lineGap: 6 },
      );
  }
  if (granted) {
    // Notary and appraisal staff ask for this code with the ID number before waiving fees (Art. 53).
    doc
      .moveDown()
      .font(FONTS.bold)
      .text(`减免费用核验码：${decisionVerificationCode(a)}`);
    doc
      .font(FONTS.body)
      .text('受援人办理公证、司法鉴定时，可凭本决定书及上述核验码申请减免相关费用。', {
        lineGap: 6,
      });
  }
  doc.moveDown(2).text(agencyName, { align: 'right' });
  doc.text(localDate(a.decided_at ?? a.updated_at), { align: 'right' });
  return pdfToBuffer(doc);
}
