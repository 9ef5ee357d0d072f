import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.js';
import { embeddedFontGlyphs, pdfText as textOf } from './testing.js';

describe('renderPdf', () => {
  it('prints Chinese that a reader can extract, with only the glyphs it uses embedded', async () => {
    const long =
      '职业院校在确保满足本校在校生职业技能评价的前提下，可以备案为第三方社会培训评价组织。'.repeat(3);
    const bytes = await renderPdf({
      title: '职业技能评价机构备案证明',
      subtitle: '备案编号 FJ-350500-2026-0001',
      fields: [
        { label: '机构名称', value: '黎明职业大学职业技能等级评价中心' },
        { label: '备案范围', value: '电工（6-31-01-03）：四级/中级工、三级/高级工' },
      ],
      paragraphs: [long],
      signature: ['泉州市人力资源和社会保障局', '2026年11月29日'],
      footer: '本证明由职业技能评价平台生成。',
      createdAt: new Date('2026-11-29T00:00:00Z'),
    });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    // subset: far below the 10 MB font
    expect(bytes.length).toBeLessThan(200_000);
    const text = await textOf(bytes);
    for (const s of [
      '职业技能评价机构备案证明',
      'FJ-350500-2026-0001',
      '黎明职业大学职业技能等级评价中心',
      '电工（6-31-01-03）：四级/中级工、三级/高级工',
      '泉州市人力资源和社会保障局',
      '2026年11月29日',
    ])
      expect(text).toContain(s);
    // the long paragraph wrapped over several lines and lost nothing
    expect(text).toContain(long);
    // and every embedded glyph has an outline a reader can decode (fontkit's subset needed its glyphs padded)
    for (const f of await embeddedFontGlyphs(bytes)) expect(f).toMatchObject({ broken: 0 });
  }, 60_000);
});
