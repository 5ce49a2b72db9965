import { gunzipSync } from 'node:zlib';
import {
  allocateSlots,
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  STATUS_LIST_LENGTH,
  statusAt,
  statusListEntry,
} from './status-list';

/** A deterministic stand-in for randomness: the given values in turn, each reduced into [0, n). */
const sequence =
  (...values: number[]) =>
  (n: number) =>
    values.length > 0 ? values.shift()! % n : 0;

describe('status list: the W3C Bitstring Status List encoding', () => {
  it('round-trips the set positions, and only them', () => {
    const revoked = [0, 7, 8, 4_242, STATUS_LIST_LENGTH - 1];
    const bits = decodeStatusList(encodeStatusList(revoked));
    for (const i of revoked) expect(statusAt(bits, i)).toBe(true);
    for (const i of [1, 6, 9, 4_241, 4_243, STATUS_LIST_LENGTH - 2]) expect(statusAt(bits, i)).toBe(false);
    const set = [...bits].reduce((n, byte) => n + byte.toString(2).replace(/0/g, '').length, 0);
    expect(set).toBe(revoked.length);
  });

  it('puts position 0 in the leftmost bit of the first byte, as the spec says', () => {
    const bits = decodeStatusList(encodeStatusList([0, 9]));
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits[1]).toBe(0b0100_0000);
  });

  it('is multibase base64url (prefix u, no padding) of GZIP data 16 KB long uncompressed', () => {
    const encoded = encodeStatusList([3]);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length).toBe(16 * 1024);
    expect(STATUS_LIST_LENGTH).toBe(131_072);
    // An empty list compresses to a few dozen bytes: the size herd privacy needs costs nothing to publish.
    expect(encodeStatusList([]).length).toBeLessThan(200);
  });

  it('refuses positions outside the list and malformed lists', () => {
    expect(() => encodeStatusList([STATUS_LIST_LENGTH])).toThrow(RangeError);
    expect(() => encodeStatusList([-1])).toThrow(RangeError);
    expect(() => encodeStatusList([1.5])).toThrow(RangeError);
    expect(() => encodeStatusList([], 12)).toThrow(RangeError);
    const bits = decodeStatusList(encodeStatusList([], 64));
    expect(() => statusAt(bits, 64)).toThrow(RangeError);
    expect(() => decodeStatusList('zabc')).toThrow(/prefix "u"/);
  });
});

describe('status list: allocating positions to seals', () => {
  it('gives every seal its own position, even when the random choices collide', () => {
    const slots = allocateSlots({ list: 1, taken: [5] }, 3, sequence(5, 5, 6), 64);
    expect(slots).toEqual([
      { list: 1, index: 6 },
      { list: 1, index: 7 },
      { list: 1, index: 8 },
    ]);
  });

  it('wraps around the end of the list, and continues in the next list when one is full', () => {
    expect(allocateSlots({ list: 1, taken: [7] }, 1, sequence(7), 8)).toEqual([{ list: 1, index: 0 }]);
    const full = [0, 1, 2, 3, 4, 5, 6];
    expect(allocateSlots({ list: 2, taken: full }, 2, sequence(3, 3), 8)).toEqual([
      { list: 2, index: 7 },
      { list: 3, index: 3 },
    ]);
  });

  it('fills a whole list with distinct positions', () => {
    let seed = 1;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const slots = allocateSlots({ list: 1, taken: [] }, 256, random, 256);
    expect(new Set(slots.map((s) => s.index)).size).toBe(256);
    expect(slots.every((s) => s.list === 1)).toBe(true);
  });
});

describe('status list: the credentials', () => {
  const listUrl = 'https://migracidades.ufrgs.br/credentials/status/1';

  it("names a seal's position as a BitstringStatusListEntry", () => {
    expect(statusListEntry(listUrl, 42)).toEqual({
      id: `${listUrl}#42`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: listUrl,
    });
  });

  it('publishes the list as a BitstringStatusListCredential whose JWT claims mirror it', () => {
    const issuedAt = new Date('2026-12-01T10:00:00.123Z');
    const { vc, payload } = buildStatusListCredential({
      listUrl,
      issuerDid: 'did:web:migracidades.ufrgs.br',
      issuedAt,
      encodedList: encodeStatusList([42]),
    });
    expect(vc).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:migracidades.ufrgs.br',
      validFrom: '2026-12-01T10:00:00Z',
      credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(statusAt(decodeStatusList(vc.credentialSubject.encodedList), 42)).toBe(true);
    expect(payload).toMatchObject({ iss: vc.issuer, jti: listUrl, iat: 1_796_119_200, nbf: 1_796_119_200, vc });
  });
});
