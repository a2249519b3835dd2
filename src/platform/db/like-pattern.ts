/** A `%…%` pattern matching `text` literally: the LIKE wildcards % and _ (and the escape \) in it are escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
