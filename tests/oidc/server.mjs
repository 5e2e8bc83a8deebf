// A real OpenID provider for the eID tests: node's oidc-provider (a certified implementation)
// with a test client, test people and a login page of its own, shaped like ID-porten: the ID
// token carries the national identity number in `pid` and the level of assurance in `acr`,
// PKCE is required, and RP-initiated logout ends the session here.
//
// Configured by the environment (the test fixture sets it):
//   OIDC_PORT     port to listen on (127.0.0.1)
//   OIDC_ISSUER   the issuer URL (default http://127.0.0.1:<port>)
//   OIDC_CLIENTS  JSON list of client metadata (client_id, redirect_uris, token_endpoint_auth_method...);
//                 without it, one client for a portal on port 8000 (reconnect-dev / reconnect-dev-secret)
// The test people are in people.json; the signing key is keys/provider-signing.jwk.json, so that
// tests can also sign a token "from this provider" with claims of their choosing.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Provider from 'oidc-provider';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.OIDC_PORT || 8211);
const issuer = process.env.OIDC_ISSUER || `http://127.0.0.1:${port}`;
// Without OIDC_CLIENTS: one client for trying the eID with `make run` (see the README).
const devClient = {
  client_id: 'reconnect-dev',
  client_secret: 'reconnect-dev-secret',
  redirect_uris: ['http://127.0.0.1:8000/accounts/oidc/eid/login/callback/', 'http://localhost:8000/accounts/oidc/eid/login/callback/'],
  post_logout_redirect_uris: ['http://127.0.0.1:8000/', 'http://localhost:8000/'],
  token_endpoint_auth_method: 'client_secret_post',
};
const clients = process.env.OIDC_CLIENTS ? JSON.parse(process.env.OIDC_CLIENTS) : [devClient];
const people = JSON.parse(readFileSync(join(here, 'people.json'), 'utf8'));
const signingKey = JSON.parse(readFileSync(join(here, 'keys', 'provider-signing.jwk.json'), 'utf8'));

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body>
</html>`;
}

function loginPage(uid, { error = '', login = '' } = {}) {
  const alert = error ? `<p role="alert">${escape(error)}</p>` : '';
  return page('Test eID: sign in', `${alert}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">Test person</label> <input id="login" name="login" value="${escape(login)}" autocomplete="off"></p>
  <p><label for="password">Password</label> <input id="password" name="password" type="password"></p>
  <p><button type="submit">Sign in with test eID</button></p>
</form>
<form method="post" action="/interaction/${escape(uid)}/abort"><button type="submit">Cancel</button></form>`);
}

const configuration = {
  clients,
  jwks: { keys: [signingKey] },
  // ID-porten puts the national identity number in `pid` with the openid scope.
  claims: { openid: ['sub', 'pid'], profile: ['name', 'given_name', 'family_name'] },
  conformIdTokenClaims: false,
  acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  scopes: ['openid', 'profile'],
  pkce: { required: () => true },
  cookies: { keys: ['reconnect-test-provider-cookie-key'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page(
          'Test eID: sign out',
          `${form}<p>Do you want to sign out of the test eID?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
        );
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Test eID: signed out', '<p>You are signed out of the test eID.</p>');
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const person = people[id];
    if (!person) return undefined;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          pid: person.pid,
          name: `${person.given_name} ${person.family_name}`,
          given_name: person.given_name,
          family_name: person.family_name,
        };
      },
    };
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Test eID: error', `<p>${escape(out.error)}: ${escape(out.error_description || '')}</p>`);
  },
};

const provider = new Provider(issuer, configuration);
const oidc = provider.callback();
// What the provider refuses, with its reason, in its log (the test fixture keeps it in a file).
for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'server_error']) {
  provider.on(event, (ctx, error) => {
    process.stdout.write(`${event}: ${error.error || error.name}: ${error.error_description || ''} ${error.error_detail || ''}\n`);
  });
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (req.method === 'GET' && !action) {
    if (prompt.name === 'login') return send(res, 200, loginPage(uid));
    // The eID asks no consent of its own (as ID-porten): grant what the client asked for.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (req.method === 'POST' && action === 'login') {
    const form = await readForm(req);
    const login = form.get('login') || '';
    const person = people[login];
    if (!person || form.get('password') !== person.password) {
      return send(res, 400, loginPage(uid, { error: 'Unknown test person or wrong password.', login }));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: login, acr: person.acr, amr: ['TestID'], remember: true } },
      { mergeWithLastSubmission: false },
    );
  }
  if (req.method === 'POST' && action === 'abort') {
    return provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'The person cancelled the sign-in.' },
      { mergeWithLastSubmission: false },
    );
  }
  return send(res, 405, page('Test eID: not allowed', '<p>Method not allowed.</p>'));
}

const server = createServer((req, res) => {
  const match = /^\/interaction\/([^/?]+)(?:\/(login|abort))?/.exec(req.url);
  if (!match) return oidc(req, res);
  return interaction(req, res, match[1], match[2]).catch((error) => {
    send(res, 400, page('Test eID: error', `<p>${escape(error.message)}</p>`));
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`test OpenID provider ${issuer} ready\n`);
});
