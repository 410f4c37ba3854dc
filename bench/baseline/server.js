// The original Express + Socket.IO scaffold, re-created as the baseline of docs/BENCHMARKS.md: one process, rooms
// per stream, chat broadcast to the room, an in-memory balance check for gifts, reactions counted in memory and
// announced 4 times a second, state in memory only.
// It speaks LiveStreamX's event names and payloads (docs/PROTOCOL.md) so the same load tool drives both; each
// call is acknowledged with { ok: result } or { error: "code: sentence" }.
//   node server.js --port 5090        (listens on 127.0.0.1 only)
"use strict";
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const express = require("express");
const { Server } = require("socket.io");

const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT ?? 5090);
const starterGrant = Number(process.env.STARTER_GRANT ?? 1000);
const catalog = { rose: 1, heart: 5, clap: 10, coffee: 20, star: 50, rocket: 300 };

const users = new Map(); // id -> { id, handle, role, balance, transfers, receipts: Map<key, receipt> }
const handles = new Map(); // lower-case handle -> user id
const tokens = new Map(); // access token -> user id
const streams = new Map(); // id -> { id, creatorId, status, seq, totalTokens, reactions, moodDirty }
const moods = ["hype", "love", "laugh", "wow", "sad", "angry"];

const app = express();
app.use(express.json());

const userOf = (token) => users.get(tokens.get(token ?? ""));
const bearer = (req) => userOf((req.get("authorization") ?? "").replace(/^Bearer /, ""));
const problem = (res, status, code, detail) => res.status(status).json({ type: code, code, detail });

app.get("/healthz", (_req, res) => res.json({ ok: true }));

app.post("/api/auth/dev-login", (req, res) => {
  const { handle, role } = req.body ?? {};
  if (!/^[A-Za-z0-9_]{3,24}$/.test(handle ?? "") || !["viewer", "creator"].includes(role)) {
    return problem(res, 400, "invalid_input", "A handle is 3-24 of [A-Za-z0-9_]; role is viewer or creator.");
  }
  let user = users.get(handles.get(handle.toLowerCase()));
  if (user && user.role !== role) return problem(res, 409, "conflict", "The handle has another role.");
  if (!user) {
    user = { id: "u_" + randomUUID().replaceAll("-", ""), handle, role, balance: starterGrant, transfers: 0, receipts: new Map() };
    users.set(user.id, user);
    handles.set(handle.toLowerCase(), user.id);
  }
  const accessToken = randomUUID();
  tokens.set(accessToken, user.id);
  res.json({ accessToken, user: { id: user.id, handle: user.handle, role: user.role } });
});

app.post("/api/streams", (req, res) => {
  const user = bearer(req);
  if (!user) return problem(res, 401, "unauthorized", "Sign in first.");
  if (user.role !== "creator") return problem(res, 403, "forbidden", "Creators only.");
  const stream = {
    id: "s_" + randomUUID().replaceAll("-", "").slice(0, 12), creatorId: user.id, status: "scheduled", seq: 0, totalTokens: 0,
    reactions: Object.fromEntries(moods.map((m) => [m, 0])), moodDirty: false,
  };
  streams.set(stream.id, stream);
  res.status(201).json({ id: stream.id, status: stream.status, creatorId: stream.creatorId });
});

app.post("/api/streams/:id/start", (req, res) => {
  const user = bearer(req);
  const stream = streams.get(req.params.id);
  if (!stream) return problem(res, 404, "not_found", "No such stream.");
  if (!user || user.id !== stream.creatorId) return problem(res, 403, "forbidden", "Not your stream.");
  stream.status = "live";
  res.json({ id: stream.id, status: stream.status });
});

app.get("/api/streams/:id/gifts", (req, res) => {
  const stream = streams.get(req.params.id);
  if (!stream) return problem(res, 404, "not_found", "No such stream.");
  res.json({ totalTokens: stream.totalTokens, topGifters: [] });
});

app.get("/api/streams/:id/mood", (req, res) => {
  const stream = streams.get(req.params.id);
  if (!stream) return problem(res, 404, "not_found", "No such stream.");
  res.json({ totals: stream.reactions });
});

app.get("/api/me/wallet", (req, res) => {
  const user = bearer(req);
  if (!user) return problem(res, 401, "unauthorized", "Sign in first.");
  res.json({ balance: user.balance, entries: [] });
});

const server = http.createServer(app);
const io = new Server(server, { serveClient: false });

io.on("connection", (socket) => {
  const user = userOf(socket.handshake.auth?.token);
  const answer = (ack, work) => {
    if (typeof ack !== "function") return;
    try {
      ack({ ok: work() });
    } catch (e) {
      ack({ error: e.code ? `${e.code}: ${e.message}` : `invalid_input: ${e.message}` });
    }
  };
  const fail = (code, message) => Object.assign(new Error(message), { code });
  const liveStream = (streamId) => {
    const stream = streams.get(streamId);
    if (!stream) throw fail("not_found", "No such stream.");
    if (stream.status !== "live") throw fail("not_live", "The stream is not live.");
    return stream;
  };

  socket.on("stream:join", (streamId, _sinceSeq, ack) => answer(ack, () => {
    const stream = streams.get(streamId);
    if (!stream) throw fail("not_found", "No such stream.");
    socket.join(streamId);
    return { seq: stream.seq, replay: [], gapTooOld: false };
  }));

  socket.on("stream:leave", (streamId, ack) => answer(ack, () => {
    socket.leave(streamId);
    return null;
  }));

  socket.on("chat:message", (input, ack) => answer(ack, () => {
    if (!user) throw fail("forbidden", "Sign in to chat.");
    const stream = liveStream(input?.streamId);
    const text = String(input?.text ?? "").trim();
    if (text.length < 1 || text.length > 500) throw fail("invalid_input", "A message is 1-500 characters.");
    const event = {
      type: "chat:message", streamId: stream.id, seq: ++stream.seq, at: new Date().toISOString(),
      id: "m_" + randomUUID().replaceAll("-", ""), userId: user.id, handle: user.handle, role: user.role, text,
    };
    io.to(stream.id).emit("chat:message", event);
    return event;
  }));

  socket.on("gift:send", (input, ack) => answer(ack, () => {
    if (!user) throw fail("forbidden", "Sign in to send gifts.");
    const earlier = user.receipts.get(input?.idempotencyKey);
    if (earlier) return { ...earlier, balance: user.balance, duplicate: true };
    const stream = liveStream(input?.streamId);
    const cost = catalog[input?.giftCode];
    const count = Number(input?.count);
    if (!cost || !Number.isInteger(count) || count < 1 || count > 100) throw fail("invalid_input", "Unknown gift or bad count.");
    const tokens = cost * count;
    if (user.balance < tokens) throw fail("insufficient_funds", `This costs ${tokens} tokens.`);
    user.balance -= tokens;
    stream.totalTokens += tokens;
    const transferId = `${user.id}:${++user.transfers}`;
    io.to(stream.id).emit("gift:received", {
      type: "gift:received", streamId: stream.id, seq: ++stream.seq, at: new Date().toISOString(), transferId,
      from: { userId: user.id, handle: user.handle }, gift: { code: input.giftCode }, count, tokens, streamTotal: stream.totalTokens,
    });
    const receipt = { transferId, streamId: stream.id, giftCode: input.giftCode, count, tokens, balance: user.balance, duplicate: false };
    user.receipts.set(input.idempotencyKey, receipt);
    return receipt;
  }));

  socket.on("mood:react", (input, ack) => answer(ack, () => {
    if (!user) throw fail("forbidden", "Sign in to react.");
    const stream = liveStream(input?.streamId);
    if (!moods.includes(input?.mood)) throw fail("invalid_input", "Unknown mood.");
    // Taps added up by the client, as LiveStreamX's mood:react takes them, so both servers face the same load.
    const count = input.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 10) throw fail("invalid_input", "A reaction carries 1 to 10 taps.");
    stream.reactions[input.mood] += count;
    stream.moodDirty = true;
    return { accepted: true };
  }));
});

// The room hears the reaction counts at most 4 times a second, as LiveStreamX's mood:state does.
setInterval(() => {
  for (const stream of streams.values()) {
    if (!stream.moodDirty) continue;
    stream.moodDirty = false;
    io.to(stream.id).emit("mood:state", {
      type: "mood:state", streamId: stream.id, seq: ++stream.seq, at: new Date().toISOString(), totals: stream.reactions,
    });
  }
}, 250).unref();

server.listen(port, "127.0.0.1", () => console.log(`baseline listening on http://127.0.0.1:${port}`));
