// The CJK font every printed document uses: Noto Sans SC (SIL OFL 1.1) from the npm registry, so it installs with
// the rest and needs no system font. Each PDF embeds only the glyphs it uses (pdf-lib's subsetting): a one-page
// 备案证明 stays tens of kilobytes although the font is 10 MB.
import baseFontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const loaded = new Map<FontWeight, Promise<Uint8Array>>();

/** The font file's bytes, read once per process. */
export function cjkFont(weight: FontWeight): Promise<Uint8Array> {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFile(require.resolve(FILES[weight])).then((b) => new Uint8Array(b));
    loaded.set(weight, bytes);
  }
  return bytes;
}

// @pdf-lib/fontkit 1.1.1 (the last release) subsets a TrueType font by copying each glyph's bytes as they are, then
// writes the short loca format (offsets halved) whenever the glyf table stays under 128 KB. Glyphs of Noto Sans SC
// (long loca, unpadded) often have odd lengths, so every glyph after an odd one starts half a byte off and viewers
// draw nothing or garbage for it while text extraction still works. Padding each glyph to an even length, as the
// TrueType spec requires for the short format, fixes it; the patch applies once to fontkit's TrueType subset class.
type SubsetInternals = { glyf: Uint8Array[]; offset: number; _addGlyph(gid: number): number };
let padded = false;
function padSubsetGlyphs(font: { createSubset(): unknown }) {
  if (padded) return;
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetInternals;
  if (typeof proto._addGlyph !== 'function') return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number) {
    const i = addGlyph.call(this, gid);
    const bytes = this.glyf[i]!;
    if (bytes.length % 2 === 1) {
      // the same Buffer class fontkit's encoder was given (its bundled polyfill), one zero byte longer
      const B = bytes.constructor as typeof Buffer;
      this.glyf[i] = B.concat([bytes, B.alloc(1)]);
      this.offset += 1;
    }
    return i;
  };
  padded = true;
}

/** fontkit for pdf-lib's registerFontkit, with TrueType subsets that viewers can read (see padSubsetGlyphs). */
export const fontkit = {
  ...baseFontkit,
  create(...args: Parameters<typeof baseFontkit.create>) {
    const font = baseFontkit.create(...args);
    if ('createSubset' in font) padSubsetGlyphs(font as unknown as { createSubset(): unknown });
    return font;
  },
};
