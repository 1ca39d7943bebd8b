import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPdf, pdfToBuffer } from './pdf.js';

describe('Chinese PDF', () => {
  it('embeds a CJK font so the text extracts back', async () => {
    const doc = createPdf({ title: '测试' });
    doc
      .fontSize(14)
      .text('法律援助决定书：经审查，符合《中华人民共和国法律援助法》第三十一条规定。');
    const buf = await pdfToBuffer(doc);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pdf-')), 'a.pdf');
    writeFileSync(file, buf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('法律援助决定书');
    expect(text).toContain('第三十一条');
  });
});
