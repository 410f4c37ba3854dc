// Prints a Stripe-Signature header for a payload, made by Stripe's own library.
// Input (stdin, JSON): { "payload": "...", "secret": "whsec_...", "timestamp": 1234567890 }
import Stripe from 'stripe';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { payload, secret, timestamp } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const stripe = new Stripe('sk_test_unused');
process.stdout.write(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }));
