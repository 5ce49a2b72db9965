import { didDocumentUrl, didWeb } from './seal-credential';

describe('seal credential: the issuer did:web follows PUBLIC_URL', () => {
  it.each([
    [
      'https://migracidades.ufrgs.br',
      'did:web:migracidades.ufrgs.br',
      'https://migracidades.ufrgs.br/.well-known/did.json',
    ],
    ['http://localhost:3000', 'did:web:localhost%3A3000', 'http://localhost:3000/.well-known/did.json'],
    [
      'https://MigraCidades.UFRGS.br/',
      'did:web:migracidades.ufrgs.br',
      'https://migracidades.ufrgs.br/.well-known/did.json',
    ],
    ['https://oim.org.br/migracidades', 'did:web:oim.org.br:migracidades', 'https://oim.org.br/migracidades/did.json'],
    ['https://oim.org.br:8443/a/b/', 'did:web:oim.org.br%3A8443:a:b', 'https://oim.org.br:8443/a/b/did.json'],
  ])('%s is %s, its document at %s', (publicUrl, did, documentUrl) => {
    expect(didWeb(publicUrl)).toBe(did);
    expect(didDocumentUrl(publicUrl)).toBe(documentUrl);
  });
});
