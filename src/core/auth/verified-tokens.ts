/** The claims every token of the engine carries that matter here: when it expires (seconds since the epoch). */
interface Expiring {
  readonly exp?: number;
}

/** How many verified tokens are kept: more than the officials saving at once on deadline day. */
const KEPT = 20_000;

/**
 * Tokens whose signature was checked, with their claims, until they expire: checking the HMAC and decoding the
 * token again cost about a twentieth of an autosave's CPU. A token's signature and claims cannot change, so this
 * decides nothing on its own: the session and the user behind it are still read for every request
 * (AuthService.actorFromToken). A token is kept only once verified; the oldest go first.
 */
export class VerifiedTokens<C extends Expiring> {
  private readonly kept = new Map<string, C>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The claims of `token` if its signature holds and it has not expired, else null (`verify` checks both). */
  async claims(token: string, verify: (token: string) => Promise<C | null>): Promise<C | null> {
    const known = this.kept.get(token);
    if (known && (known.exp === undefined || known.exp * 1000 > this.now())) return known;
    if (known) this.kept.delete(token);
    const claims = await verify(token);
    if (!claims) return null;
    if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, claims);
    return claims;
  }
}
