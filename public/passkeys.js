// Passkeys for customers: a progressive enhancement. The sign-in page works without this file (magic links);
// with it, and a browser that knows WebAuthn, a "sign in with a passkey" button appears, and the security page
// can add passkeys. Talks JSON to /account/passkeys/*, carrying the page's CSRF token in a header.
const supported = typeof window.PublicKeyCredential === 'function' && navigator.credentials;

const toBytes = (base64url) => {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};
const fromBytes = (buffer) => {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const post = async (url, csrf, body) => {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body ?? {}),
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
  return data;
};

const clientExtensionResults = (credential) =>
  typeof credential.getClientExtensionResults === 'function' ? credential.getClientExtensionResults() : {};

// --- sign in --------------------------------------------------------------------------------------------------
const signIn = document.querySelector('[data-passkey-sign-in]');
if (signIn && supported) {
  const error = signIn.querySelector('[data-passkey-error]');
  const button = signIn.querySelector('button');
  signIn.hidden = false;
  button.addEventListener('click', async () => {
    error.hidden = true;
    button.disabled = true;
    try {
      const options = await post('/account/passkeys/sign-in/options', signIn.dataset.csrf);
      const credential = await navigator.credentials.get({
        publicKey: {
          challenge: toBytes(options.challenge),
          rpId: options.rpId,
          timeout: options.timeout,
          userVerification: options.userVerification,
          allowCredentials: [],
        },
      });
      const response = {
        id: credential.id,
        rawId: fromBytes(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
        clientExtensionResults: clientExtensionResults(credential),
        response: {
          clientDataJSON: fromBytes(credential.response.clientDataJSON),
          authenticatorData: fromBytes(credential.response.authenticatorData),
          signature: fromBytes(credential.response.signature),
          userHandle: credential.response.userHandle ? fromBytes(credential.response.userHandle) : undefined,
        },
      };
      const done = await post('/account/passkeys/sign-in', signIn.dataset.csrf, {
        response,
        next: signIn.dataset.next,
      });
      window.location.assign(done.redirect);
    } catch {
      error.hidden = false;
      button.disabled = false;
    }
  });
}

// --- add a passkey (security page) ----------------------------------------------------------------------------
const register = document.querySelector('form[data-passkey-register]');
if (register && supported) {
  const error = register.querySelector('[data-passkey-error]');
  const needsJs = document.querySelector('[data-passkey-needs-js]');
  if (needsJs) needsJs.hidden = true;
  register.hidden = false;
  register.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const button = register.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const options = await post('/account/passkeys/register/options', register.dataset.csrf);
      const credential = await navigator.credentials.create({
        publicKey: {
          challenge: toBytes(options.challenge),
          rp: options.rp,
          user: { ...options.user, id: toBytes(options.user.id) },
          pubKeyCredParams: options.pubKeyCredParams,
          timeout: options.timeout,
          attestation: options.attestation,
          authenticatorSelection: options.authenticatorSelection,
          excludeCredentials: (options.excludeCredentials ?? []).map((c) => ({ ...c, id: toBytes(c.id) })),
        },
      });
      const transports =
        typeof credential.response.getTransports === 'function' ? credential.response.getTransports() : [];
      const response = {
        id: credential.id,
        rawId: fromBytes(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
        clientExtensionResults: clientExtensionResults(credential),
        response: {
          clientDataJSON: fromBytes(credential.response.clientDataJSON),
          attestationObject: fromBytes(credential.response.attestationObject),
          transports,
        },
      };
      const done = await post('/account/passkeys/register', register.dataset.csrf, {
        label: register.elements.label.value,
        response,
      });
      window.location.assign(done.redirect);
    } catch {
      error.hidden = false;
      button.disabled = false;
    }
  });
}
