/**
 * Reusable scratch buffers for the margin solvers: pass the same `MarginScratch` to repeated calls
 * (a cascade re-margining every round) and the typed arrays are allocated once, grown only when a
 * larger input arrives. Contents are garbage between calls; solvers clear what they read.
 */
export class MarginScratch {
  private readonly f64 = new Map<string, Float64Array>();
  private readonly i32 = new Map<string, Int32Array>();
  private readonly u8 = new Map<string, Uint8Array>();

  /** A Float64Array view of exactly `length` elements (contents unspecified). */
  float64(key: string, length: number): Float64Array {
    let buffer = this.f64.get(key);
    if (buffer === undefined || buffer.length < length) {
      buffer = new Float64Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
      this.f64.set(key, buffer);
    }
    return buffer.subarray(0, length);
  }

  int32(key: string, length: number): Int32Array {
    let buffer = this.i32.get(key);
    if (buffer === undefined || buffer.length < length) {
      buffer = new Int32Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
      this.i32.set(key, buffer);
    }
    return buffer.subarray(0, length);
  }

  uint8(key: string, length: number): Uint8Array {
    let buffer = this.u8.get(key);
    if (buffer === undefined || buffer.length < length) {
      buffer = new Uint8Array(Math.max(length, Math.ceil((buffer?.length ?? 0) * 1.5)));
      this.u8.set(key, buffer);
    }
    return buffer.subarray(0, length);
  }
}
