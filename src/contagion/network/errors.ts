/**
 * A network solver or the network reader was handed input it cannot use: a negative liability, an
 * edge to an unknown node, a matrix that is not n × n, a duplicate id, an option out of range. The
 * message is prefixed with the module path and names the record and field at fault, e.g.
 * `contagion/network/network-format: liabilities[4].to: unknown node "Z"`.
 *
 * Problems that are answers rather than faults (a node with no obligations, an iteration that hit
 * its cap, a node already insolvent before clearing) are never thrown: they come back in the
 * result's `warnings`.
 */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message.startsWith('contagion/') ? message : `contagion/network: ${message}`);
    this.name = 'NetworkError';
  }
}
