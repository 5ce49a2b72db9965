import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { didWeb } from './seal-credential';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

/**
 * The university's Ed25519 issuer key: created at first start under DATA_DIR/keys (never in the database),
 * published as a JWKS and a did:web document. Signs credentials as compact JWS (EdDSA).
 */
@Injectable()
export class IssuerKeysService implements OnModuleInit {
  private readonly logger = new Logger(IssuerKeysService.name);
  private privateKey!: KeyObject;
  private publicKey!: KeyObject;
  private jwk!: PublicJwk;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    const dir = join(this.config.dataDir, 'keys');
    const file = join(dir, 'issuer-ed25519.pem');
    if (!existsSync(file)) this.createKey(dir, file);
    this.privateKey = createPrivateKey(readFileSync(file));
    this.publicKey = createPublicKey(this.privateKey);
    const { x } = this.publicKey.export({ format: 'jwk' }) as { x: string };
    // RFC 7638 thumbprint: the members crv, kty, x in that order.
    const thumbprint = b64url(
      createHash('sha256')
        .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
        .digest(),
    );
    // The key id is the DID verification method's id, so JWS headers, the JWKS and did.json agree.
    this.jwk = { kty: 'OKP', crv: 'Ed25519', x, kid: `${this.did}#${thumbprint}`, alg: 'EdDSA', use: 'sig' };
  }

  /**
   * Writes a new key beside its place and links it there: several processes sharing DATA_DIR that start at once
   * each find the key whole, and the first link wins (the others read the winner's key, never their own).
   */
  private createKey(dir: string, file: string): void {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const draft = `${file}.${process.pid}.${randomUUID()}`;
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(draft, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
      this.logger.log(`Issuer key created at ${file}`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(draft);
    }
  }

  /** did:web of PUBLIC_URL, e.g. did:web:migracidades.ufrgs.br or did:web:localhost%3A3000. */
  get did(): string {
    return didWeb(this.config.publicUrl);
  }

  get keyId(): string {
    return this.jwk.kid;
  }

  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.jwk] };
  }

  didDocument() {
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
      id: this.did,
      verificationMethod: [{ id: this.keyId, type: 'JsonWebKey2020', controller: this.did, publicKeyJwk: this.jwk }],
      assertionMethod: [this.keyId],
    };
  }

  /** A compact JWS over the payload (EdDSA). */
  signJwt(payload: object, typ = 'JWT'): string {
    const signingInput = `${b64url(JSON.stringify({ alg: 'EdDSA', typ, kid: this.keyId }))}.${b64url(JSON.stringify(payload))}`;
    return `${signingInput}.${b64url(sign(null, Buffer.from(signingInput), this.privateKey))}`;
  }

  /** The payload of a JWS this key signed, or null when the signature does not hold. */
  verifyJwt(jwt: string): Record<string, unknown> | null {
    const parts = jwt.trim().split('.');
    if (parts.length !== 3) return null;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: string };
      if (header.alg !== 'EdDSA') return null;
      const ok = verify(
        null,
        Buffer.from(`${parts[0]}.${parts[1]}`),
        this.publicKey,
        Buffer.from(parts[2], 'base64url'),
      );
      return ok ? (JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
}
