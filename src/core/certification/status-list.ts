import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Revocation published as the W3C Bitstring Status List v1.0 says (https://www.w3.org/TR/vc-bitstring-status-list/):
 * one bit per seal in a list of 131,072 (16 KB, the spec's minimum for herd privacy), bit 0 the leftmost bit of
 * the first byte, GZIP-compressed and multibase-encoded as base64url without padding (prefix "u"). Pure: the
 * database and the signature are elsewhere.
 */
export const STATUS_LIST_LENGTH = 131_072;

/** Where a seal's bit is: which list (1, 2, …) and which position in it. */
export interface StatusSlot {
  readonly list: number;
  readonly index: number;
}

/** The `credentialStatus` of a seal's credential. */
export interface BitstringStatusListEntry {
  readonly id: string;
  readonly type: 'BitstringStatusListEntry';
  readonly statusPurpose: 'revocation';
  readonly statusListIndex: string;
  readonly statusListCredential: string;
}

function checkIndex(index: number, length: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= length)
    throw new RangeError(`status list index ${index} is outside 0..${length - 1}`);
}

/** The encodedList of a list whose given positions are set (revoked) and every other one is clear. */
export function encodeStatusList(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): string {
  if (!Number.isInteger(length) || length <= 0 || length % 8 !== 0)
    throw new RangeError(`status list length ${length} must be a positive multiple of 8`);
  const bits = new Uint8Array(length / 8);
  for (const index of setIndexes) {
    checkIndex(index, length);
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The uncompressed bitstring of an encodedList. */
export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must be multibase base64url (prefix "u")');
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), 'base64url')));
}

/** Is the bit at `index` set in the decoded bitstring? */
export function statusAt(bits: Uint8Array, index: number): boolean {
  checkIndex(index, bits.length * 8);
  return (bits[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

/**
 * Positions for `count` new seals, chosen at random among the free ones of the current list (so that a
 * position tells nothing of when a seal was issued) and unique among themselves and the taken ones; a full
 * list continues in the next. `random(n)` returns a whole number in [0, n).
 */
export function allocateSlots(
  current: { readonly list: number; readonly taken: Iterable<number> },
  count: number,
  random: (n: number) => number,
  length = STATUS_LIST_LENGTH,
): StatusSlot[] {
  let list = current.list;
  let taken = new Set(current.taken);
  const slots: StatusSlot[] = [];
  while (slots.length < count) {
    if (taken.size >= length) {
      list += 1;
      taken = new Set();
    }
    // A random start and the next free position from there: uniform enough while the list is sparse, and
    // it always ends, however full the list.
    let index = random(length);
    while (taken.has(index)) index = (index + 1) % length;
    taken.add(index);
    slots.push({ list, index });
  }
  return slots;
}

export function statusListEntry(listUrl: string, index: number): BitstringStatusListEntry {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** The BitstringStatusListCredential of one list, with its JWT claims (VC-JWT, as the seals are signed). */
export function buildStatusListCredential(f: {
  readonly listUrl: string;
  readonly issuerDid: string;
  readonly issuedAt: Date;
  readonly encodedList: string;
}) {
  const vc = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: f.listUrl,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: f.issuerDid,
    validFrom: f.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${f.listUrl}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: f.encodedList,
    },
  };
  const seconds = Math.floor(f.issuedAt.getTime() / 1000);
  const payload = { iss: f.issuerDid, sub: vc.credentialSubject.id, jti: f.listUrl, iat: seconds, nbf: seconds, vc };
  return { vc, payload };
}
