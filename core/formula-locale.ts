// Formulas in the spreadsheet's own syntax. The core writes every formula in
// the en-US form (`,` between arguments, `.` for decimals), which is what
// .xlsx files and Office.js `formulas` take whatever the user's locale. Google
// Sheets parses a formula written through `setValues` as if the user typed it,
// in the spreadsheet's locale: where that locale writes decimals with a comma
// (Spain, Colombia, Argentina, Chile, most of Europe) arguments are separated by
// `;` and an en-US formula is a parse error (docs/sheets.md gives the evidence).
// Function names stay English in every locale.

export type ArgumentSeparator = ',' | ';';

/**
 * Languages whose usual decimal mark is a comma, for a runtime without
 * locale data; regions of these languages that use a point are listed apart.
 * Intl (CLDR, the data Google's own locales follow) is asked first.
 */
const DECIMAL_COMMA_LANGUAGES = new Set(
  'af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lt lv mk mn nb nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi'.split(' '),
);
const DECIMAL_POINT_REGIONS = new Set(['es_MX', 'es_US', 'es_PR', 'es_DO', 'es_GT', 'es_HN', 'es_NI', 'es_PA', 'es_SV', 'es_PE', 'de_CH', 'de_LI', 'it_CH']);

/** The decimal mark of a spreadsheet locale such as `es_ES`, `en_US` or `pt-BR`. */
export function decimalMarkOf(locale: string): '.' | ',' {
  const tag = String(locale ?? '').trim().replace(/_/g, '-');
  if (tag === '') return '.';
  try {
    const parts = new Intl.NumberFormat(tag).formatToParts(1.5);
    const resolved = new Intl.NumberFormat(tag).resolvedOptions().locale.split('-')[0].toLowerCase();
    const mark = parts.find((p) => p.type === 'decimal')?.value;
    // A runtime without data for the language falls back to its default locale: use the table then.
    if (resolved === tag.split('-')[0].toLowerCase() && (mark === ',' || mark === '.')) return mark;
  } catch {
    // An unknown tag: the table below decides.
  }
  const [language, region] = tag.split('-');
  if (region && DECIMAL_POINT_REGIONS.has(`${language.toLowerCase()}_${region.toUpperCase()}`)) return '.';
  return DECIMAL_COMMA_LANGUAGES.has(language.toLowerCase()) ? ',' : '.';
}

/** The argument separator formulas take in a spreadsheet of this locale. */
export function argumentSeparatorOf(locale: string): ArgumentSeparator {
  return decimalMarkOf(locale) === ',' ? ';' : ',';
}

/**
 * An en-US formula in the syntax of a locale that separates arguments with
 * `separator`: outside string literals and quoted sheet names, `,` becomes `;`
 * and a decimal point between digits becomes a comma. Array constants (`{...}`)
 * change their separators too in such locales; the core writes none, so one is
 * refused rather than converted wrongly.
 */
export function localizedFormula(formula: string, separator: ArgumentSeparator): string {
  if (separator === ',') return formula;
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A literal runs to its closing quote; a doubled quote inside it is one quote.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j;
    } else if (ch === '{' || ch === '}') {
      throw new Error(`Array constants are not converted between locales: ${formula}`);
    } else if (ch === ',') {
      out += ';';
    } else if (ch === '.' && /\d/.test(formula[i - 1] ?? '') && /\d/.test(formula[i + 1] ?? '') && !/[A-Za-z_$]\d*$/.test(formula.slice(0, i))) {
      out += ',';
    } else {
      out += ch;
    }
  }
  return out;
}
