// A printed A4 document (备案证明, later certificates): a title, fields as label/value rows, paragraphs, a
// signature block and a footer, laid out top to bottom with line wrapping for Chinese text (any character may
// break a line). Built with pdf-lib and the embedded, subset CJK font.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cjkFont, fontkit } from './fonts.js';

export interface PrintedDocument {
  /** document title, centred at the top, e.g. 职业技能评价机构备案证明 */
  title: string;
  /** a line under the title, e.g. the filing number */
  subtitle?: string;
  /** label → value rows, in order */
  fields: readonly { label: string; value: string }[];
  /** paragraphs after the fields */
  paragraphs?: readonly string[];
  /** right-aligned lines at the end: the issuing office and the date */
  signature?: readonly string[];
  /** small print at the bottom of the page */
  footer?: string;
  /** PDF metadata */
  author?: string;
  subject?: string;
  /** creation date written into the file (fixed in tests so output is reproducible) */
  createdAt?: Date;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);

/** Splits text into lines no wider than `width` at `size`; CJK text may break between any two characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      const next = line + ch;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = ch.trim() ? ch : '';
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderPdf(doc: PrintedDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(await cjkFont('regular'), { subset: true });
  const bold = await pdf.embedFont(await cjkFont('bold'), { subset: true });
  pdf.setTitle(doc.title);
  if (doc.author) pdf.setAuthor(doc.author);
  if (doc.subject) pdf.setSubject(doc.subject);
  pdf.setCreator('职业技能评价平台');
  pdf.setProducer('职业技能评价平台 (pdf-lib)');
  pdf.setLanguage('zh-CN');
  const created = doc.createdAt ?? new Date();
  pdf.setCreationDate(created);
  pdf.setModificationDate(created);

  const page = pdf.addPage(A4);
  const [width, height] = A4;
  const inner = width - 2 * MARGIN;
  let y = height - MARGIN - 8;

  const centred = (text: string, font: PDFFont, size: number, colour = INK) => {
    page.drawText(text, {
      x: (width - font.widthOfTextAtSize(text, size)) / 2,
      y,
      size,
      font,
      color: colour,
    });
  };
  centred(doc.title, bold, 22);
  y -= 28;
  if (doc.subtitle) {
    centred(doc.subtitle, regular, 11, GREY);
    y -= 18;
  }
  y -= 18;

  const labelWidth = 120;
  for (const f of doc.fields) {
    const lines = wrapText(f.value || '—', regular, 12, inner - labelWidth);
    page.drawText(f.label, { x: MARGIN, y, size: 12, font: bold, color: INK });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + labelWidth, y, size: 12, font: regular, color: INK });
      y -= 20;
    }
    y -= 6;
  }
  y -= 8;
  for (const p of doc.paragraphs ?? []) {
    for (const line of wrapText(p, regular, 12, inner)) {
      page.drawText(line, { x: MARGIN, y, size: 12, font: regular, color: INK });
      y -= 20;
    }
    y -= 8;
  }
  y -= 24;
  for (const line of doc.signature ?? []) {
    drawRight(page, line, regular, 12, width - MARGIN, y);
    y -= 20;
  }
  if (doc.footer) {
    let fy = MARGIN;
    for (const line of wrapText(doc.footer, regular, 9, inner).reverse()) {
      page.drawText(line, { x: MARGIN, y: fy, size: 9, font: regular, color: GREY });
      fy += 13;
    }
  }
  return pdf.save();
}

function drawRight(page: PDFPage, text: string, font: PDFFont, size: number, right: number, y: number) {
  page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y, size, font, color: INK });
}
