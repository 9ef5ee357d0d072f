// The printed certificate (职业技能等级证书 / 专项职业能力证书): one A4 landscape page in Chinese with the holder, the
// masked ID number, the occupation and level (or the 专项 project), the issuer, the date, the number and a QR code
// of the public verification URL, drawn as vector squares so it prints sharp at any size. The same facts give the
// same bytes: fixed font names instead of pdf-lib's random subset suffix, and the dates taken from the facts.
import { skillLevelLabel, type SkillLevel } from '@skills/domain';
import {
  fill,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import QRCode from 'qrcode';
import { cjkFont, fontkit } from './fonts.js';
import { wrapText } from './pdf.js';

/** What a certificate prints; the same shape as @skills/credentials' CertificateFacts, so those pass as they are. */
export type CertificatePrintFacts = {
  /** 证书编号 */
  number: string;
  holderName: string;
  /** already masked, e.g. 3505**********123X: the printed page never carries the whole number */
  holderIdNumberMasked: string;
  issuer: { name: string };
  /** YYYY-MM-DD */
  issuedOn: string;
  /** 《…国家职业技能标准…》 */
  standard?: string | undefined;
} & (
  | { kind: 'SKILL_LEVEL'; occupation: { code: string; name: string }; level: SkillLevel }
  | { kind: 'SPECIAL_ABILITY'; project: { code: string; name: string } }
);

export interface CertificatePdfOptions {
  /** the public verification URL the QR code holds: `<publicBase>/public/verify?number=…` */
  verifyUrl: string;
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const INK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.4, 0.4, 0.4);
const FRAME = rgb(0.62, 0.12, 0.12);
const TITLES = { SKILL_LEVEL: '职业技能等级证书', SPECIAL_ABILITY: '专项职业能力证书' } as const;

/** '2026-11-29' → '2026年11月29日' */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The label → value rows a certificate prints, in order. */
export function certificateRows(facts: CertificatePrintFacts): { label: string; value: string }[] {
  const rows = [
    { label: '姓名', value: facts.holderName },
    { label: '身份证件号码', value: facts.holderIdNumberMasked },
  ];
  if (facts.kind === 'SKILL_LEVEL')
    rows.push(
      { label: '职业（工种）', value: facts.occupation.name },
      { label: '职业编码', value: facts.occupation.code },
      { label: '等级', value: skillLevelLabel(facts.level) },
    );
  else
    rows.push(
      { label: '专项职业能力', value: facts.project.name },
      { label: '项目编码', value: facts.project.code },
    );
  rows.push(
    { label: '证书编号', value: facts.number },
    { label: '发证日期', value: chineseDate(facts.issuedOn) },
  );
  return rows;
}

/** The QR code's modules, row by row from the top (true = dark), as qrcode encodes the URL (error correction M). */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => Boolean(modules.get(r, c))),
  );
}

/** Draws the QR code with its top-left corner at (x, top), `size` points wide including a 4-module quiet zone. */
function drawQr(page: PDFPage, text: string, x: number, top: number, size: number) {
  const matrix = qrModules(text);
  const n = matrix.length + 8;
  const m = size / n;
  page.drawRectangle({ x, y: top - size, width: size, height: size, color: rgb(1, 1, 1) });
  const ops = [pushGraphicsState(), setFillingRgbColor(0, 0, 0)];
  matrix.forEach((row, r) => {
    // one rectangle per run of dark modules in a row
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < row.length && row[end]) end++;
      ops.push(rectangle(x + (c + 4) * m, top - (r + 5) * m, (end - c) * m, m));
      c = end;
    }
  });
  ops.push(fill(), popGraphicsState());
  page.pushOperators(...ops);
}

export async function renderCertificatePdf(
  facts: CertificatePrintFacts,
  opts: CertificatePdfOptions,
): Promise<Uint8Array> {
  if (!facts.holderIdNumberMasked.includes('*'))
    throw new RangeError('the ID number must be masked before printing');
  const title = TITLES[facts.kind];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  // fixed names: pdf-lib would otherwise add a random suffix and no two renders would match
  const regular = await pdf.embedFont(await cjkFont('regular'), {
    subset: true,
    customName: 'NotoSansSC-Regular',
  });
  const bold = await pdf.embedFont(await cjkFont('bold'), { subset: true, customName: 'NotoSansSC-Bold' });
  const issued = new Date(`${facts.issuedOn}T00:00:00+08:00`);
  pdf.setTitle(`${title} ${facts.number}`);
  pdf.setAuthor(facts.issuer.name);
  pdf.setSubject(`${title}（${facts.holderName}）`);
  pdf.setCreator('职业技能评价平台');
  pdf.setProducer('职业技能评价平台 (pdf-lib)');
  pdf.setLanguage('zh-CN');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const page = pdf.addPage(A4_LANDSCAPE);
  const [width, height] = A4_LANDSCAPE;
  page.drawRectangle({
    x: 22,
    y: 22,
    width: width - 44,
    height: height - 44,
    borderColor: FRAME,
    borderWidth: 4,
  });
  page.drawRectangle({
    x: 32,
    y: 32,
    width: width - 64,
    height: height - 64,
    borderColor: FRAME,
    borderWidth: 1,
  });

  const centred = (text: string, font: PDFFont, size: number, y: number, colour = INK) =>
    page.drawText(text, {
      x: (width - font.widthOfTextAtSize(text, size)) / 2,
      y,
      size,
      font,
      color: colour,
    });
  centred(title, bold, 34, height - 112, FRAME);

  // rows on the left, the QR code on the right
  const left = 110;
  const valueX = left + 130;
  const qrSize = 132;
  const qrX = width - 110 - qrSize;
  const valueWidth = qrX - 30 - valueX;
  let y = height - 185;
  for (const row of certificateRows(facts)) {
    page.drawText(row.label, { x: left, y, size: 15, font: bold, color: INK });
    for (const line of wrapText(row.value, regular, 15, valueWidth)) {
      page.drawText(line, { x: valueX, y, size: 15, font: regular, color: INK });
      y -= 24;
    }
    y -= 6;
  }
  y -= 8;
  const sentence =
    facts.kind === 'SKILL_LEVEL'
      ? `该同志经职业技能等级认定，成绩合格，${facts.standard ? `达到${facts.standard}${skillLevelLabel(facts.level)}要求，` : ''}特发此证。`
      : `该同志经专项职业能力考核，成绩合格，${facts.standard ? `达到${facts.standard}要求，` : ''}特发此证。`;
  for (const line of wrapText(sentence, regular, 14, qrX - 30 - left)) {
    page.drawText(line, { x: left, y, size: 14, font: regular, color: INK });
    y -= 22;
  }

  const qrTop = height - 185 + 12;
  drawQr(page, opts.verifyUrl, qrX, qrTop, qrSize);
  const caption = '扫码查验证书真伪';
  page.drawText(caption, {
    x: qrX + (qrSize - regular.widthOfTextAtSize(caption, 11)) / 2,
    y: qrTop - qrSize - 16,
    size: 11,
    font: regular,
    color: GREY,
  });

  // issuer and date, right-aligned above the footer (where the seal goes)
  const right = width - 110;
  for (const [i, line] of [facts.issuer.name, chineseDate(facts.issuedOn)].entries()) {
    const size = i === 0 ? 16 : 14;
    const font = i === 0 ? bold : regular;
    page.drawText(line, {
      x: right - font.widthOfTextAtSize(line, size),
      y: 128 - i * 24,
      size,
      font,
      color: INK,
    });
  }
  let fy = 46;
  for (const line of wrapText(
    `本证书信息可通过 ${opts.verifyUrl} 查询验证。`,
    regular,
    9,
    width - 2 * left,
  ).reverse()) {
    page.drawText(line, { x: left, y: fy, size: 9, font: regular, color: GREY });
    fy += 12;
  }
  return pdf.save();
}
