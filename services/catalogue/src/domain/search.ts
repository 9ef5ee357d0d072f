import { isCodePrefix } from '@skills/domain';

/** How a catalogue search box input is read: a code prefix, pinyin (initials or full), or a Chinese name part. */
export type SearchTerm =
  { kind: 'codePrefix'; value: string } | { kind: 'pinyin'; value: string } | { kind: 'name'; value: string };

export function classifySearch(input: string | null | undefined): SearchTerm | null {
  const value = (input ?? '').trim().replace(/[－—]/g, '-');
  if (!value) return null;
  if (/^\d/.test(value) && isCodePrefix(value)) return { kind: 'codePrefix', value };
  if (/^[a-z]+$/i.test(value)) return { kind: 'pinyin', value: value.toLowerCase() };
  return { kind: 'name', value };
}

/** Prisma `where` for a search term over a table with code, name, pinyin and pinyinInitials columns. */
export function searchWhere(term: SearchTerm | null) {
  if (!term) return {};
  switch (term.kind) {
    case 'codePrefix':
      return { code: { startsWith: term.value } };
    case 'pinyin':
      return {
        OR: [{ pinyinInitials: { contains: term.value } }, { pinyin: { contains: term.value } }],
      };
    case 'name':
      return { name: { contains: term.value } };
  }
}
