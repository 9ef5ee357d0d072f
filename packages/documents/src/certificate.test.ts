import jsqr from 'jsqr';
import { describe, expect, it } from 'vitest';
import {
  certificateRows,
  qrModules,
  renderCertificatePdf,
  type CertificatePrintFacts,
} from './certificate.js';
import { embeddedFontGlyphs, pdfPageImage, pdfText } from './testing.js';

const skill: CertificatePrintFacts = {
  kind: 'SKILL_LEVEL',
  number: 'S350500-2026-4-000123-K',
  holderName: '陈晓明',
  holderIdNumberMasked: '3505**********123X',
  occupation: { code: '6-31-01-03', name: '电工' },
  level: 4,
  issuer: { name: '黎明职业大学职业技能等级评价中心' },
  issuedOn: '2026-11-29',
  standard: '《电工国家职业技能标准（2018年版）》',
};
const special: CertificatePrintFacts = {
  kind: 'SPECIAL_ABILITY',
  number: 'Z350500-2026-000007-3',
  holderName: '林雅婷',
  holderIdNumberMasked: '3505**********0021',
  project: { code: 'FJZX-0001', name: '德化陶瓷手工成型' },
  issuer: { name: '泉州市人力资源和社会保障局' },
  issuedOn: '2026-12-01',
};
// jsqr is CommonJS: its default export arrives as the module or as .default depending on the loader
const jsQR: typeof jsqr.default = (jsqr as any).default ?? jsqr;
const url = (n: string) => `https://skills.quanzhou.example.cn/public/verify?number=${encodeURIComponent(n)}`;

describe('renderCertificatePdf', () => {
  it('prints a 职业技能等级证书 whose text holds every field, on one A4 landscape page', async () => {
    const bytes = await renderCertificatePdf(skill, { verifyUrl: url(skill.number) });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(250_000);
    const text = await pdfText(bytes);
    for (const s of [
      '职业技能等级证书',
      '姓名陈晓明',
      '身份证件号码3505**********123X',
      '职业（工种）电工',
      '职业编码6-31-01-03',
      '等级四级/中级工',
      '证书编号S350500-2026-4-000123-K',
      '发证日期2026年11月29日',
      '黎明职业大学职业技能等级评价中心',
      '《电工国家职业技能标准（2018年版）》',
      url(skill.number),
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('专项职业能力');
    const { width, height } = await pdfPageImage(bytes, 1, 1);
    expect(width).toBeGreaterThan(height); // landscape
    expect([width, height]).toEqual([842, 596]);
  }, 60_000);

  it('prints a 专项职业能力证书 with the project and no level', async () => {
    const text = await pdfText(await renderCertificatePdf(special, { verifyUrl: url(special.number) }));
    for (const s of [
      '专项职业能力证书',
      '专项职业能力德化陶瓷手工成型',
      '项目编码FJZX-0001',
      '泉州市人力资源和社会保障局',
      '2026年12月1日',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('等级');
  }, 60_000);

  it('draws a QR code that a decoder reads back as the verification URL', async () => {
    const bytes = await renderCertificatePdf(skill, { verifyUrl: url(skill.number) });
    const { width, height, data } = await pdfPageImage(bytes, 1, 3);
    const decoded = jsQR(data, width, height);
    expect(decoded?.data).toBe(url(skill.number));
    // a certificate with another number carries another code
    const other = await renderCertificatePdf(
      { ...skill, number: 'S350500-2026-4-000124-7' },
      { verifyUrl: url('S350500-2026-4-000124-7') },
    );
    const img = await pdfPageImage(other, 1, 3);
    expect(jsQR(img.data, img.width, img.height)?.data).toBe(url('S350500-2026-4-000124-7'));
  }, 60_000);

  it('gives the same bytes for the same facts, other bytes for other facts', async () => {
    const a = await renderCertificatePdf(skill, { verifyUrl: url(skill.number) });
    const b = await renderCertificatePdf(structuredClone(skill), { verifyUrl: url(skill.number) });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const c = await renderCertificatePdf(
      { ...skill, holderName: '陈晓红' },
      { verifyUrl: url(skill.number) },
    );
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  }, 60_000);

  it('embeds subset fonts whose every glyph a font reader can decode', async () => {
    const fonts = await embeddedFontGlyphs(
      await renderCertificatePdf(special, { verifyUrl: url(special.number) }),
    );
    expect(fonts).toHaveLength(2); // regular and bold
    for (const f of fonts) {
      expect(f.glyphs).toBeGreaterThan(10);
      expect(f.broken).toBe(0);
      expect(f.empty).toBeLessThanOrEqual(2); // .notdef may be empty, and the space
    }
  }, 60_000);

  it('refuses an unmasked ID number', async () => {
    await expect(
      renderCertificatePdf({ ...skill, holderIdNumberMasked: '35058219900101123X' }, { verifyUrl: url('x') }),
    ).rejects.toThrow(/masked/);
  });

  it('lists rows in print order and encodes the URL in a QR matrix', () => {
    expect(certificateRows(skill).map((r) => r.label)).toEqual([
      '姓名',
      '身份证件号码',
      '职业（工种）',
      '职业编码',
      '等级',
      '证书编号',
      '发证日期',
    ]);
    const m = qrModules(url(skill.number));
    expect(m.length).toBeGreaterThanOrEqual(21);
    expect(m[0]!.slice(0, 7)).toEqual([true, true, true, true, true, true, true]); // finder pattern
  });
});
