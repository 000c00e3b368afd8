// RFC 4180 CSV for exports that people open in spreadsheets.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (CRLF-terminated). A text cell that a spreadsheet would run as a formula gets a
 * leading apostrophe, so an exported value can never execute (CSV injection).
 */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export type CsvValue = string | number | boolean | bigint | Date | Record<string, unknown> | null | undefined;

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
