#!/usr/bin/env node
// A Bot API emulator for kanebot's end-to-end tests: telegram-test-api 4.2.1 on 127.0.0.1, with its departures
// from the real Bot API patched here (never in the bot) so that python-telegram-bot accepts its answers.
//
// Usage: node tests/e2e/emulator.js PORT   (or E2E_EMULATOR_PORT=PORT)
// Prints "emulator listening on http://127.0.0.1:PORT" once it accepts connections, and
// "emulator: bot polling" the first time the bot calls getUpdates. Exits on SIGTERM/SIGINT.
//
// getUpdates confirms updates as the Bot API does: an update stays pending (and is handed out again) until the bot
// asks with an offset past it; the package marks updates read as soon as it hands them out.
//
// Faults, for the tests that check nothing is lost (never the bot's code): POST /e2e/faults with a JSON object
//   latency_ms          every Bot API call answers after up to this many milliseconds (seeded random)
//   error_rate          share of sendMessage calls answered 500 before the message is stored
//   reset_rate          share of sendMessage calls whose connection is cut after the message is stored
//   hang_rate, hang_ms  share of sendMessage calls answered only after hang_ms, after the message is stored
//   updates_error_rate  share of getUpdates calls answered 502
//   seed                for the random choices
// GET /e2e/faults tells how many of each were injected. POST /e2e/faults {} switches them off.
'use strict';

const TelegramServer = require('telegram-test-api');
// The server registers every function of this array on its express app, in order, in its constructor, after the
// body parsers and before its own routes: a function put first here is middleware that runs before any route.
const { routes } = require('telegram-test-api/lib/routes/index');

const HOST = '127.0.0.1'; // loopback only, always
const port = Number(process.argv[2] || process.env.E2E_EMULATOR_PORT);
if (!Number.isInteger(port) || port <= 0 || port >= 65536) {
  console.error('usage: node emulator.js PORT (1-65535)');
  process.exit(2);
}

// What the package itself implements under /bot<token>/<method>; everything else reaches its "not supported" route.
const KNOWN_METHODS = new Set([
  'deleteMessage', 'getUpdates', 'answerCallbackQuery', 'getMe', 'editMessageText', 'editMessageReplyMarkup',
  'sendMessage', 'setWebhook', 'deleteWebhook',
]);
const USER_UPDATE_EVENTS = ['AddedUserMessage', 'AddedUserCommand', 'AddedUserCallbackQuery'];
const MAX_LONG_POLL_SECONDS = 10;
const BOT_PATH = /^\/bot([^/]+)\/([A-Za-z]+)\/?$/;

let server; // set below; the middleware only runs once it is listening
let announcedPolling = false;
let faults = {};
let injected = { errors: 0, resets: 0, hangs: 0, update_errors: 0 };
let random = Math.random;
const confirmedBelow = {}; // token → the highest offset the bot has asked with: updates below it are confirmed

function seeded(seed) { // mulberry32: the same seed, the same faults
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6D2B79F5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chance = (rate) => Number(rate) > 0 && random() < Number(rate);
const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

const seconds = (millis) => Math.floor(Number(millis) / 1000);

function botUser() {
  // Same identity the package's getMe answers with, plus is_bot (see the getMe patch).
  return { id: 666, is_bot: true, first_name: 'Test First name', username: 'TestNameBot' };
}

// The package keeps a bot message as the raw request parameters; this is the Message the Bot API would return.
function storedBotMessage(chatId, messageId) {
  const stored = server.storage.botMessages.find(
    (m) => String(m.messageId) === String(messageId) && String(m.message.chat_id) === String(chatId),
  );
  if (!stored) return null;
  const markup = stored.message.reply_markup;
  const message = {
    message_id: stored.messageId,
    from: botUser(),
    date: seconds(stored.time),
    edit_date: Math.floor(Date.now() / 1000),
    chat: { id: Number(stored.message.chat_id), first_name: 'Bot', type: 'private' },
    text: stored.message.text,
  };
  if (markup && typeof markup === 'object' && 'inline_keyboard' in markup) message.reply_markup = markup;
  return message;
}

// The package stores the client's request body as the message, `botToken` included: drop it from what the bot sees.
function withoutToken(message) {
  if (!message || typeof message !== 'object') return message;
  const { botToken, ...rest } = message; // eslint-disable-line no-unused-vars
  return rest;
}

function fixUpdate(update) {
  const fixed = { ...update };
  if (fixed.message) fixed.message = withoutToken(fixed.message);
  if (fixed.callback_query) {
    const query = { ...fixed.callback_query, message: withoutToken(fixed.callback_query.message) };
    // The package drops chat_instance, which the Bot API always sends and python-telegram-bot requires.
    if (query.chat_instance === undefined) {
      const chat = query.message && query.message.chat;
      query.chat_instance = String(chat ? chat.id : query.from.id);
    }
    fixed.callback_query = query;
  }
  return fixed;
}

function pending(token) {
  const below = confirmedBelow[token] || 0;
  return server.storage.userMessages.filter((u) => u.botToken === token && u.updateId >= below);
}

function hasUnread(token) {
  return pending(token).length > 0;
}

function faultControl(app) {
  app.post('/e2e/faults', (req, res) => {
    faults = req.body || {};
    random = faults.seed !== undefined ? seeded(Number(faults.seed)) : Math.random;
    injected = { errors: 0, resets: 0, hangs: 0, update_errors: 0 };
    res.json({ ok: true, result: faults });
  });
  app.get('/e2e/faults', (req, res) => res.json({ ok: true, result: injected }));
}

function patches(app) {
  app.use(async (req, res, next) => {
    const match = BOT_PATH.exec(req.path);
    if (!match) return next(); // the client API (/sendMessage, /getUpdates, …) is left as it is
    const token = decodeURIComponent(match[1]);
    const method = match[2];
    const params = { ...req.query, ...(req.body || {}) };

    // Methods the package does not know answer an error; the Bot API methods the bot calls besides its core
    // (setMyCommands at start, answerInlineQuery, …) answer True, which is what the real ones return.
    if (!KNOWN_METHODS.has(method)) {
      console.error(`emulator: ${method} is not implemented by telegram-test-api; answering true`);
      return res.json({ ok: true, result: true });
    }

    if (method === 'setWebhook') {
      // Said, not done: the package would post every user update to that public URL. The tests post updates to
      // the bot's webhook server themselves, as Telegram would; the secret itself is never printed.
      const secret = params.secret_token ? 'with a secret token' : 'without a secret token';
      console.log(`emulator: webhook set to ${params.url} ${secret}`);
      return res.json({ ok: true, result: true });
    }

    if (faults.latency_ms) await sleep(random() * Number(faults.latency_ms));
    if (method === 'getUpdates' && chance(faults.updates_error_rate)) {
      injected.update_errors += 1;
      return res.status(502).json({ ok: false, error_code: 502, description: 'Bad Gateway' });
    }
    let afterStore = null; // what happens once the message is stored: a cut connection or a late answer
    if (method === 'sendMessage') {
      if (chance(faults.error_rate)) {
        injected.errors += 1;
        return res.status(500).json({ ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      if (chance(faults.reset_rate)) afterStore = 'reset';
      else if (chance(faults.hang_rate)) afterStore = 'hang';
    }

    const json = res.json.bind(res);
    res.json = (body) => {
      if (afterStore === 'reset') {
        injected.resets += 1;
        req.socket.destroy();
        return res;
      }
      if (afterStore === 'hang') {
        injected.hangs += 1;
        afterStore = null;
        setTimeout(() => {
          if (!res.writableEnded && !req.socket.destroyed) res.json(body);
        }, Number(faults.hang_ms) || 30000);
        return res;
      }
      if (!body || body.ok !== true) return json(body);
      const result = body.result;
      if (method === 'getMe') {
        // getMe has no is_bot, a required field of User.
        return json({ ...body, result: { ...result, is_bot: true } });
      }
      if (method === 'sendMessage' && result) {
        // Sent messages carry `date` in milliseconds; the Bot API gives Unix seconds. Also say who sent it.
        return json({ ...body, result: { ...result, date: seconds(result.date), from: botUser() } });
      }
      if (method === 'editMessageText') {
        // editMessageText answers null; the Bot API returns the edited Message (True only for inline messages).
        if (params.inline_message_id) return json({ ...body, result: true });
        const edited = storedBotMessage(params.chat_id, params.message_id);
        if (!edited) {
          return res.status(400).json({
            ok: false, error_code: 400, description: 'Bad Request: message to edit not found',
          });
        }
        return json({ ...body, result: edited });
      }
      if (method === 'answerCallbackQuery') {
        // answerCallbackQuery answers null; the Bot API returns True.
        return json({ ...body, result: true });
      }
      if (method === 'getUpdates' && Array.isArray(result)) {
        return json({ ...body, result: result.map(fixUpdate) });
      }
      return json(body);
    };

    if (method !== 'getUpdates') return next();
    if (!announcedPolling) {
      announcedPolling = true;
      console.log('emulator: bot polling');
    }
    // Asking with an offset confirms every update below it, as the Bot API does.
    if (params.offset !== undefined && Number(params.offset) > (confirmedBelow[token] || 0)) {
      confirmedBelow[token] = Number(params.offset);
      server.storage.userMessages = server.storage.userMessages.filter(
        (u) => u.botToken !== token || u.updateId >= confirmedBelow[token],
      );
    }
    // getUpdates answers at once even when there is nothing, so python-telegram-bot (poll_interval 0) would spin
    // on it; the Bot API holds the request up to `timeout` seconds until an update arrives. Do the same, capped.
    const timeout = Math.min(Number(params.timeout) || 0, MAX_LONG_POLL_SECONDS);
    if (timeout <= 0 || hasUnread(token)) return next();
    let done = false;
    const finish = (deliver) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      USER_UPDATE_EVENTS.forEach((event) => server.off(event, onUpdate));
      res.off('close', onClose);
      if (deliver) next();
    };
    // (An update handed out and not confirmed is handed out again: nothing to undo when the bot gives up.)
    const onUpdate = () => { if (hasUnread(token)) finish(true); };
    // The bot gave up on this request (stopping, or a read timeout): answering now would mark updates read that
    // nobody receives, so leave them for its next getUpdates.
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(true), timeout * 1000);
    USER_UPDATE_EVENTS.forEach((event) => server.on(event, onUpdate));
    res.on('close', onClose);
    return undefined;
  });
}

routes.unshift(patches);
routes.unshift(faultControl);
server = new TelegramServer({ host: HOST, port, storeTimeout: 600 });
server.setMaxListeners(0); // one listener set per waiting getUpdates
// The package's getUpdates marks what it hands out read; the Bot API hands out every update not yet confirmed.
server.getUpdates = (token) => pending(token).slice(0, 100).map((update) => TelegramServer.formatUpdate(update));

server.start().then(
  () => console.log(`emulator listening on http://${HOST}:${port}`),
  (error) => {
    console.error(`emulator: could not listen on ${HOST}:${port}: ${error.message}`);
    process.exit(1);
  },
);

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
