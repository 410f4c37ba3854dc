// A real OpenID Connect provider for the sign-in tests (npm oidc-provider, with its development login and consent
// pages: any login and password sign in, the login becomes the subject). Started by OidcServer.cs on a free
// loopback port; it prints "ready <issuer>" once it listens.
//   node server.mjs <port> <clients.json>
// clients.json: [{ "client_id", "client_secret", "redirect_uris": [...] }]
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, clientsPath] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const clients = JSON.parse(readFileSync(clientsPath, 'utf8')).map((c) => ({
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
  ...c,
}));

const provider = new Provider(issuer, {
  clients,
  // PKCE for every client, so a sign-in without it fails here as it would at Google or X.
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => ({ sub, name: sub, preferred_username: sub, email: `${sub}@example.test` }),
  }),
  // Loopback over plain HTTP: the test's own cookies need no Secure flag.
  cookies: { keys: ['lsx-test-oidc'] },
});
provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
