/**
 * The exposure graph was asked to build from a snapshot it cannot read: an index column points
 * outside its table, or two columns of one table disagree in length. The message names the table,
 * the row and the field, so the fault can be traced back to the loader or the hand-built snapshot.
 */
export class GraphError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/graph: ${message}`);
    this.name = 'GraphError';
  }
}
