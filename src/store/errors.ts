/**
 * Errors raised by the store. Messages start with the module path and name the record and field
 * at fault, so a user can fix the input without reading a stack trace.
 */
export class StoreError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/store: ${message}`);
    this.name = 'StoreError';
  }
}

/**
 * A value in an imported file is wrong: names the file, the line (1 = header), the record where
 * its key is known (`asset aWETH`) and the field.
 */
export class ImportError extends StoreError {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly record: string | null;

  constructor(file: string, line: number | null, field: string | null, problem: string, record: string | null = null) {
    const where = [file, line === null ? null : `line ${line}`, record === null ? null : `(${record})`, field === null ? null : `field "${field}"`]
      .filter((part) => part !== null)
      .join(' ');
    super(`contagion/import: ${where}: ${problem}`);
    this.name = 'ImportError';
    this.file = file;
    this.line = line;
    this.field = field;
    this.record = record;
  }
}
