"""A small local identity provider for the OAuth2 tests.

HTTPS (for msal): GET /{tenant}/v2.0/.well-known/openid-configuration and POST
/{tenant}/oauth2/v2.0/token (client-credentials). Plain HTTP (for Dovecot's
oauth2 passdb): POST /introspect with token=... -> {"active": ..., "username": ...}.
Tokens are random 2 KB strings, like real ones; the tests can expire, revoke or
misassign them.
"""

from __future__ import annotations

import json
import secrets
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from tests.servers import free_port


class IdentityProvider:
    def __init__(self, certdir, user: str, client_id: str = "client-1", client_secret: str = "s3cr3t-value"):
        self.user, self.client_id, self.client_secret = user, client_id, client_secret
        self.tokens: dict[str, dict] = {}
        self.issue_for = user          # which user the next tokens are for (tests change it)
        self.issued = 0
        self.stall_tokens, self.released = threading.Event(), threading.Event()
        self.introspections = 0
        self.https_port, self.http_port = free_port(), free_port()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _json(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                if self.path.endswith("/v2.0/.well-known/openid-configuration"):
                    tenant = self.path.split("/")[1]
                    base = f"https://127.0.0.1:{provider.https_port}/{tenant}"
                    return self._json(200, {"token_endpoint": f"{base}/oauth2/v2.0/token",
                                            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                                            "issuer": f"{base}/v2.0"})
                self._json(404, {"error": "not_found"})

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if self.path.endswith("/oauth2/v2.0/token"):
                    return self._token(form)
                if self.path == "/introspect":
                    provider.introspections += 1
                    info = provider.tokens.get(form.get("token", ""))
                    active = bool(info) and not info["revoked"] and info["expires"] > time.time()
                    return self._json(200, {"active": active, "username": info["user"] if info else ""})
                self._json(404, {"error": "not_found"})

            def _token(self, form):
                if provider.stall_tokens.is_set():
                    provider.released.wait(60)  # a stalled identity provider: accepts, never answers
                if form.get("client_id") != provider.client_id or form.get("client_secret") != provider.client_secret:
                    return self._json(401, {"error": "invalid_client", "error_codes": [7000215],
                                            "error_description": "AADSTS7000215: Invalid client secret provided."})
                token = secrets.token_urlsafe(1500)
                provider.tokens[token] = {"user": provider.issue_for, "expires": time.time() + 3600, "revoked": False}
                provider.issued += 1
                return self._json(200, {"access_token": token, "token_type": "Bearer", "expires_in": 3600})

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(certdir / "cert.pem"), str(certdir / "key.pem"))
        self.https = ThreadingHTTPServer(("127.0.0.1", self.https_port), Handler)
        self.https.socket = context.wrap_socket(self.https.socket, server_side=True)
        self.http = ThreadingHTTPServer(("127.0.0.1", self.http_port), Handler)
        for server in (self.https, self.http):
            threading.Thread(target=server.serve_forever, daemon=True).start()

    @property
    def authority_host(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    def expire_all(self) -> None:
        for info in self.tokens.values():
            info["expires"] = 0

    def revoke_all(self) -> None:
        for info in self.tokens.values():
            info["revoked"] = True

    def valid(self, token: str, user: str) -> bool:
        info = self.tokens.get(token)
        return bool(info) and info["user"] == user and not info["revoked"] and info["expires"] > time.time()

    def stop(self) -> None:
        self.https.shutdown()
        self.http.shutdown()
