/**
 * Query field names graph-node derives from an entity type name: `Position` → `position` and
 * `positions`, `PoolDayData` → `poolDayData` and `poolDayDatas`, `ATokenBalanceHistoryItem` →
 * `atokenBalanceHistoryItem(s)`.
 *
 * graph-node (`camel_cased_names` in graph/src/data/graphql/ext.rs) calls the Rust crate
 * Inflector 0.11: `to_plural` on the type name, then `to_camel_case` on both forms, and appends
 * `_collection` when the plural equals the singular. Both are re-stated here from their
 * behaviour, because a name that differs by one letter from graph-node's makes every query fail.
 * Inflector's exact-word special cases ("ox", "person"…) and uncountable words ("news", "sheep"…)
 * are lower-case whole words, which entity type names (PascalCase) never are, so they are omitted.
 */

/**
 * Inflector's plural rules, highest priority first. Each pattern's first group is kept and the
 * suffix appended; like Inflector, several rules keep the whole word (e.g. words already ending
 * in `s` or `xes` are left alone) and a few keep more than a grammar book would.
 */
const PLURAL_RULES: readonly (readonly [RegExp, string])[] = [
  [/^(\w*eaux)$/, ''],
  [/^(\w*child)(?:ren)?$/, 'ren'],
  [/^(\w*pe(?:rson|ople))$/, 'ople'],
  [/^(\w*[ml](?:ice|ouse))$/, 'ice'],
  [/^(\w*(?:matr|cod|mur|sil|vert|ind|append))(?:ix|ex)$/, 'ices'],
  [/^(\w*(?:x|ch|ss|sh|zz))$/, 'es'],
  [/^(\w*(?:x|ch|ss|sh|zz)es)$/, ''],
  [/^(\w*[^ch][ieo][ln])ey$/, 'ies'],
  [/^(\w*(?:[^aeiouy]|qu))y$/, 'ies'],
  [/^(\w*(?:ar|l|ea|eo|oa|hoo))f$/, 'ves'],
  [/^(\w*(?:kni|wi|li))fe$/, 'ves'],
  [/^(\w*)sis$/, 'ses'],
  [/^(\w*(?:apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat))(?:a|on)$/, 'a'],
  [
    /^(\w*(?:agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|automat|quor))(?:a|um)$/,
    'a',
  ],
  [/^(\w*(?:her|at|gr))o$/, 'oes'],
  [/^(\w*(?:seraph|cherub))(?:im)?$/, 'im'],
  [/^(\w*(?:alumn|alg|vertebr))(?:a|ae)$/, 'ae'],
  [/^(\w*(?:alumn|syllab|octop|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat))(?:us|i)$/, 'i'],
  [/^(\w*(?:[^l]ias|[aeiou]las|[emjzr]as|[iu]am))$/, ''],
  [/^(\w*e[mn]u)s?$/, 's'],
  [/^(\w*(?:alias|[^aou]us|tlas|gas|ris))$/, 'es'],
  [/^(\w*(?:ax|test))is$/, 'es'],
  [/^(\w*[^aeiou]ese)$/, ''],
  [/^(\w*)s$/, 's'],
];

/** Inflector's `to_plural` for a type name. */
export function pluralize(word: string): string {
  for (const [pattern, suffix] of PLURAL_RULES) {
    const match = pattern.exec(word);
    if (match !== null) return `${match[1]}${suffix}`;
  }
  return `${word}s`;
}

const isAlphanumeric = (c: string): boolean => /^[\p{L}\p{N}]$/u.test(c);
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();

/**
 * Inflector's `to_camel_case`: leading and trailing non-alphanumerics are dropped (`_MarketList`
 * → `marketList`), separators start a new word, and an upper-case letter keeps its case only
 * when it follows a lower-case one, so `ATokenBalance` → `atokenBalance` and `UserEModeSet` →
 * `userEModeSet` (the letter that started a word does not count as "the previous letter").
 */
export function camelCase(word: string): string {
  const trimmed = word.replace(/[^\p{L}\p{N}]+$/u, '');
  let out = '';
  let newWord = false;
  let lastChar = ' ';
  let started = false;
  for (const c of trimmed) {
    if (!isAlphanumeric(c)) {
      if (started) newWord = true;
      continue;
    }
    if (/\p{N}/u.test(c)) {
      started = true;
      newWord = true;
      out += c;
    } else if (newWord || (isLower(lastChar) && isUpper(c))) {
      started = true;
      newWord = false;
      out += c.toUpperCase();
    } else {
      started = true;
      lastChar = c;
      out += c.toLowerCase();
    }
  }
  return out;
}

/** The by-id and collection field names of `Query` for an entity or interface type. */
export function queryFieldNames(typeName: string): { single: string; collection: string } {
  const single = camelCase(typeName);
  let collection = camelCase(pluralize(typeName));
  if (collection === single) collection = `${collection}_collection`;
  return { single, collection };
}
