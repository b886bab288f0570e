/** Test helpers reading the HTML report back: enough of a parser for the tables the report writes. */

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

export const unescapeHtml = (text: string): string => text.replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!);

/** The body and footer rows of the table with this id, cells unescaped. */
export function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`test: no table with id ${id}`);
  const body = table.replace(/<thead>[\s\S]*?<\/thead>/, '').replace(/<caption>[\s\S]*?<\/caption>/, '');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => unescapeHtml(cell[1]!)));
}

/** The caption of the table with this id, unescaped. */
export function tableCaption(html: string, id: string): string {
  const caption = new RegExp(`<table id="${id}">\\s*<caption>([\\s\\S]*?)</caption>`).exec(html)?.[1];
  if (caption === undefined) throw new Error(`test: no caption for table ${id}`);
  return unescapeHtml(caption);
}
