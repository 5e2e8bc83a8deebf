"""A real OpenID provider for the eID tests: node's oidc-provider (tests/oidc/server.mjs), started
once per test session, and helpers to point the portal at it and to walk its sign-in pages.

`npm ci --prefix tests/oidc` installs it (.ci/run does so on a fresh machine). The provider
listens on a free port, or on OIDC_TEST_PORT_BASE + n when that is set.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import jwt
import pytest
import requests

from reconnect.accounts.eid.config import allauth_providers, eid_app, origin_of

HERE = Path(__file__).resolve().parent
CALLBACK_PATH = "/accounts/oidc/eid/login/callback/"
HIGH = "idporten-loa-high"
SUBSTANTIAL = "idporten-loa-substantial"
SECRET = "reconnect-test-client-secret-of-32-bytes"
PID_HASH_KEY = "test-only-pid-hash-key-0123456789abcdef"
PEOPLE = json.loads((HERE / "people.json").read_text())
SIGNING_JWK = json.loads((HERE / "keys" / "provider-signing.jwk.json").read_text())
CLIENT_PRIVATE_KEY = (HERE / "keys" / "client-private.pem").read_text()
CLIENT_PUBLIC_JWK = json.loads((HERE / "keys" / "client-public.jwk.json").read_text())

_instances = 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port() -> int:
    global _instances
    base = os.environ.get("OIDC_TEST_PORT_BASE")
    _instances += 1
    if not base:
        return free_port()
    # Each pytest-xdist worker (gw0, gw1, ...) takes two ports of its own.
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    return int(base) + 2 * worker + _instances - 1


@dataclass
class OpenIDProvider:
    issuer: str
    portal_url: str
    process: subprocess.Popen
    clients: dict = field(default_factory=dict)

    def configure(self, settings, *, client_id: str = "reconnect", acr: str = HIGH, issuer: str | None = None):
        """Point the portal at this provider, as the EID_* environment variables would."""
        client = self.clients[client_id]
        method = client["token_endpoint_auth_method"]
        settings.EID_ENABLED = True
        settings.EID_ISSUER = issuer or self.issuer
        settings.EID_CLIENT_ID = client_id
        settings.EID_PID_HASH_KEY = PID_HASH_KEY
        origin = origin_of(issuer or self.issuer)
        settings.SECURE_CSP = {**settings.SECURE_CSP, "form-action": [*settings.SECURE_CSP["form-action"], origin]}
        settings.SOCIALACCOUNT_PROVIDERS = allauth_providers(
            eid_app(
                issuer=issuer or self.issuer,
                client_id=client_id,
                client_secret=client.get("client_secret", ""),
                private_key=CLIENT_PRIVATE_KEY if method == "private_key_jwt" else "",
                private_key_id=CLIENT_PUBLIC_JWK["kid"] if method == "private_key_jwt" else "",
                token_auth_method=method,
                acr=acr,
                scopes=["openid", "profile"],
                name="test eID",
            )
        )
        return self

    def sign(self, claims: dict, *, key: dict | None = None) -> str:
        """An ID token signed with the provider's own key (or `key`), with claims of the test's choosing."""
        jwk = jwt.PyJWK(key or SIGNING_JWK)
        return jwt.encode(claims, jwk.key, algorithm="RS256", headers={"kid": (key or SIGNING_JWK)["kid"]})


def _clients(portal_url: str) -> dict:
    base = {
        "redirect_uris": [portal_url + CALLBACK_PATH],
        "post_logout_redirect_uris": [portal_url + "/"],
        "grant_types": ["authorization_code"],
        "response_types": ["code"],
    }
    return {
        "reconnect": {
            **base,
            "client_id": "reconnect",
            "client_secret": SECRET,
            "token_endpoint_auth_method": "client_secret_post",
        },
        "reconnect-basic": {
            **base,
            "client_id": "reconnect-basic",
            "client_secret": SECRET,
            "token_endpoint_auth_method": "client_secret_basic",
        },
        "reconnect-jwt": {
            **base,
            "client_id": "reconnect-jwt",
            "token_endpoint_auth_method": "private_key_jwt",
            "jwks": {"keys": [CLIENT_PUBLIC_JWK]},
        },
    }


def start_provider(portal_url: str) -> OpenIDProvider:
    node = shutil.which("node")
    if node is None or not (HERE / "node_modules" / "oidc-provider").exists():
        pytest.fail("The eID tests need Node and the test provider: npm ci --prefix tests/oidc (make test does it)")
    port = _port()
    issuer = f"http://127.0.0.1:{port}"
    clients = _clients(portal_url)
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_ISSUER": issuer,
        "OIDC_CLIENTS": json.dumps(list(clients.values())),
        "NODE_ENV": "test",
    }
    # Its output goes to a file (a pipe nobody reads would fill up and stop it).
    log = tempfile.NamedTemporaryFile("w+", prefix="oidc-provider-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen([node, str(HERE / "server.mjs")], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"The test OpenID provider stopped: {Path(log.name).read_text()}")
        try:
            if requests.get(issuer + "/.well-known/openid-configuration", timeout=1).ok:
                return OpenIDProvider(issuer=issuer, portal_url=portal_url, process=process, clients=clients)
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    pytest.fail("The test OpenID provider did not start within 20 seconds.")


def stop_provider(provider: OpenIDProvider) -> None:
    provider.process.terminate()
    try:
        provider.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        provider.process.kill()


@pytest.fixture(scope="session")
def oidc_server():
    """The provider, for tests that use Django's test client (the portal is http://testserver)."""
    provider = start_provider("http://testserver")
    yield provider
    stop_provider(provider)


@pytest.fixture(scope="session")
def live_oidc_server(live_server):
    """The provider, for browser tests (the portal is pytest-django's live server)."""
    provider = start_provider(live_server.url)
    yield provider
    stop_provider(provider)


@pytest.fixture
def live_oidc_provider(live_oidc_server, settings):
    return live_oidc_server.configure(settings)


@pytest.fixture
def oidc_provider(oidc_server, settings):
    """The portal with its eID pointed at the running provider."""
    return oidc_server.configure(settings)


class ProviderBrowser:
    """Walks the provider's own pages over HTTP, as a browser would, keeping its cookies."""

    def __init__(self, provider: OpenIDProvider) -> None:
        self.provider = provider
        self.session = requests.Session()

    def follow(self, url: str, *, method: str = "get", data: dict | None = None) -> requests.Response:
        """Follow redirects within the provider; stop on a page or on a redirect back to the portal."""
        response = self.session.request(method, url, data=data, allow_redirects=False, timeout=10)
        while response.is_redirect:
            target = urljoin(response.url, response.headers["Location"])
            if target.startswith(self.provider.portal_url):
                response.portal_url = target
                return response
            response = self.session.get(target, allow_redirects=False, timeout=10)
        response.portal_url = None
        return response

    def sign_in(self, authorize_url: str, person: str, *, password: str | None = None) -> str:
        """From the authorisation URL to the portal's callback URL (path and query)."""
        response = self.follow(authorize_url)
        if response.portal_url is None:
            assert "Test eID: sign in" in response.text, response.text[:500]
            response = self.follow(
                response.url.rstrip("/") + "/login",
                method="post",
                data={"login": person, "password": password or PEOPLE[person]["password"]},
            )
        assert response.portal_url, response.text[:500]
        parsed = urlparse(response.portal_url)
        return f"{parsed.path}?{parsed.query}"


def callback_params(callback: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlparse(callback).query).items()}


def begin_eid_sign_in(client, *, process: str = "login") -> str:
    """Press "Sign in with eID" on the portal: the provider's authorisation URL."""
    response = client.post("/accounts/oidc/eid/login/", {"process": process})
    assert response.status_code == 302, response.content[:500]
    return response["Location"]
