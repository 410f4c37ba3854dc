// LiveKit's own Node SDK as the peer of the Api's LiveKit code, one command per run (JSON in argv[3], JSON out):
//   verify  { apiKey, apiSecret, token }  -> the token's claims, as LiveKit's TokenVerifier reads them
//   webhook { apiKey, apiSecret, event }  -> { body, authorization }: the event as LiveKit posts it (protobuf JSON of
//                                           WebhookEvent) and the Authorization token LiveKit signs it with
import { AccessToken, TokenVerifier, WebhookEvent } from 'livekit-server-sdk';
import { createHash } from 'node:crypto';

const [command, json] = process.argv.slice(2);
const input = JSON.parse(json);

async function run() {
  switch (command) {
    case 'verify':
      return await new TokenVerifier(input.apiKey, input.apiSecret).verify(input.token);
    case 'webhook': {
      const body = WebhookEvent.fromJson(input.event).toJsonString();
      // As LiveKit's server does: an access token of the API key whose sha256 grant is the body's hash.
      const token = new AccessToken(input.apiKey, input.apiSecret, { ttl: '5m' });
      token.sha256 = createHash('sha256').update(body).digest('base64');
      return { body, authorization: await token.toJwt() };
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

run().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => {
    process.stderr.write(String(error?.stack ?? error));
    process.exit(1);
  },
);
