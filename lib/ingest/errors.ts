/** A problem in one source file, with the line and field it concerns when known. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly detail: { file?: string; line?: number; field?: string } = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "ImportError";
  }

  /** One line: `file:line: field: message`. */
  format(file = this.detail.file): string {
    const where = [file, this.detail.line].filter((x) => x !== undefined).join(":");
    const field = this.detail.field ? `${this.detail.field}: ` : "";
    return `${where ? `${where}: ` : ""}${field}${this.message}`;
  }
}
