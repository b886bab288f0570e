/** A contagion solver was given input it cannot run on; the message names the record and field. */
export class CascadeError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/contagion: ${message}`);
    this.name = 'CascadeError';
  }
}
