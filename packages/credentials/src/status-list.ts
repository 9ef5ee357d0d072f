// W3C Bitstring Status List v1.0: one bit per credential in a list the issuer publishes as a signed credential.
// Bit i is 1 when the credential holding statusListIndex i is revoked. Index 0 is the left-most bit (the most
// significant bit of the first byte). The list is GZIP-compressed and multibase base64url encoded ('u' prefix, no
// padding). The spec's minimum is 16 KB uncompressed (131,072 entries) so that a verifier fetching the list learns
// nothing about which of that many credentials it is checking (herd privacy); mostly-zero lists compress to a few
// hundred bytes.
import { randomInt } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CredentialError } from './facts.js';

/** 16 KB = 131,072 bits, the spec's minimum list length. */
export const STATUS_LIST_MIN_BITS = 131_072;
/** Uncompressed lists larger than this are refused when decoding (a gzip bomb guard): 16 MB = 134 million entries. */
const MAX_BYTES = 16 * 1024 * 1024;

export type StatusPurpose = 'revocation' | 'suspension';

/** A status list's bits; `length` counts bits. */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor(input: number | Uint8Array = STATUS_LIST_MIN_BITS) {
    if (typeof input === 'number') {
      if (!Number.isInteger(input) || input < STATUS_LIST_MIN_BITS || input % 8 !== 0)
        throw new RangeError(`a status list has a multiple of 8 bits, at least ${STATUS_LIST_MIN_BITS}`);
      this.bytes = new Uint8Array(input / 8);
    } else {
      this.bytes = input;
    }
  }

  get length(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.check(index);
    return ((this.bytes[index >> 3]! >> (7 - (index & 7))) & 1) === 1;
  }

  set(index: number, value: boolean): void {
    this.check(index);
    const mask = 1 << (7 - (index & 7));
    const i = index >> 3;
    this.bytes[i] = value ? this.bytes[i]! | mask : this.bytes[i]! & ~mask;
  }

  /** The indexes whose bit is 1, in order. */
  setIndexes(): number[] {
    const out: number[] = [];
    this.bytes.forEach((b, i) => {
      if (b) for (let j = 0; j < 8; j++) if ((b >> (7 - j)) & 1) out.push(i * 8 + j);
    });
    return out;
  }

  /** encodedList: 'u' + base64url(gzip(bits)). Deterministic (gzip header mtime 0). */
  encode(): string {
    return 'u' + Buffer.from(gzipSync(this.bytes, { level: 9 })).toString('base64url');
  }

  static decode(encodedList: string): Bitstring {
    // multibase base64url; drafts before the Recommendation had no prefix, accept both
    const b64 = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
    if (!/^[A-Za-z0-9_-]+$/.test(b64))
      throw new CredentialError('INVALID_STATUS_LIST', 'encodedList is not base64url');
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(b64, 'base64url'), { maxOutputLength: MAX_BYTES });
    } catch (e) {
      throw new CredentialError('INVALID_STATUS_LIST', 'encodedList is not a GZIP stream', { cause: e });
    }
    if (bytes.length * 8 < STATUS_LIST_MIN_BITS)
      throw new CredentialError(
        'INVALID_STATUS_LIST',
        `status list shorter than ${STATUS_LIST_MIN_BITS} bits`,
      );
    return new Bitstring(new Uint8Array(bytes));
  }

  private check(index: number) {
    if (!Number.isInteger(index) || index < 0 || index >= this.length)
      throw new RangeError(`status list index ${index} outside 0…${this.length - 1}`);
  }
}

/**
 * A random free index for a new credential. Indexes are drawn at random, not in issue order, so that a list's set
 * bits say nothing about when the revoked certificates were issued and neighbouring indexes are not neighbours in
 * time. `isTaken` asks the issuer's store; the caller still relies on a unique constraint to settle a race.
 */
export async function pickStatusIndex(
  isTaken: (index: number) => boolean | Promise<boolean>,
  length = STATUS_LIST_MIN_BITS,
  attempts = 64,
): Promise<number> {
  for (let i = 0; i < attempts; i++) {
    const index = randomInt(length);
    if (!(await isTaken(index))) return index;
  }
  throw new RangeError('status list is nearly full: start a new list');
}
