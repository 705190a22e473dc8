"""A small local identity provider for the OAuth2 tests.

HTTPS (for msal): GET /{tenant}/v2.0/.well-known/openid-configuration and POST
/{tenant}/oauth2/v2.0/token (client-credentials, with a client secret or a
certificate's signed client assertion, which is verified as Entra ID does:
the thumbprint in its header names a registered certificate, whose public key
must verify the signature; audience, issuer and lifetime are checked). Plain
HTTP (for Dovecot's oauth2 passdb): POST /introspect with token=... ->
{"active": ..., "username": ...}. Tokens are random 2 KB strings, like real
ones; the tests can expire, revoke or misassign them.

``ConnectProxy`` is a small HTTP CONNECT proxy (a council's outbound proxy) that
records every tunnel it opens; ``make_app_certificate`` writes a self-signed
certificate and its private key as one PEM file, as an administrator would.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import select
import socket
import ssl
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from tests.servers import free_port

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _ids() -> dict:
    """The trace and correlation ids Entra ID puts in every error (Microsoft support asks for them)."""
    import uuid

    return {"trace_id": str(uuid.uuid4()), "correlation_id": str(uuid.uuid4())}


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class IdentityProvider:
    def __init__(self, certdir, user: str, client_id: str = "client-1", client_secret: str = "s3cr3t-value"):
        self.user, self.client_id, self.client_secret = user, client_id, client_secret
        self.tokens: dict[str, dict] = {}
        self.issue_for = user          # which user the next tokens are for (tests change it)
        self.issued = 0
        self.stall_tokens, self.released = threading.Event(), threading.Event()
        self.introspections = 0
        self.certificates = []         # registered in the app registration (Certificates & secrets)
        self.assertions: list[str] = []  # every client assertion received (to look for them in logs)
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
                if form.get("client_assertion"):
                    endpoint = f"https://127.0.0.1:{provider.https_port}{self.path}"
                    refusal = provider.check_assertion(form, endpoint)
                    if refusal:
                        code, text = refusal
                        return self._json(401, {"error": "invalid_client", "error_codes": [code],
                                                "error_description": f"AADSTS{code}: {text}", **_ids()})
                elif form.get("client_id") != provider.client_id or form.get("client_secret") != provider.client_secret:
                    return self._json(401, {"error": "invalid_client", "error_codes": [7000215],
                                            "error_description": "AADSTS7000215: Invalid client secret provided.",
                                            **_ids()})
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

    def register_certificate(self, cert_pem: bytes) -> None:
        from cryptography import x509

        self.certificates.append(x509.load_pem_x509_certificate(cert_pem))

    def check_assertion(self, form: dict, endpoint: str) -> tuple[int, str] | None:
        """None when the client assertion is good, else Entra ID's (AADSTS code, text)."""
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        assertion = form["client_assertion"]
        self.assertions.append(assertion)
        if form.get("client_assertion_type") != JWT_BEARER:
            return 7000216, "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."
        try:
            head, body, signature = assertion.split(".")
            header, claims = json.loads(_b64url(head)), json.loads(_b64url(body))
        except ValueError:
            return 50027, "JWT token is invalid or malformed."
        for cert in self.certificates:
            if header.get("x5t#S256") and _b64url(header["x5t#S256"]) == cert.fingerprint(hashes.SHA256()):
                break
            if header.get("x5t") and _b64url(header["x5t"]) == cert.fingerprint(hashes.SHA1()):
                break
        else:
            return 700027, ("The certificate with identifier used to sign the client assertion is not registered on "
                            "application.")
        schemes = {"RS256": padding.PKCS1v15(),
                   "PS256": padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO)}
        if header.get("alg") not in schemes:
            return 700027, "Client assertion contains an invalid signature."
        try:
            cert.public_key().verify(_b64url(signature), f"{head}.{body}".encode(), schemes[header["alg"]], hashes.SHA256())
        except InvalidSignature:
            return 700027, "Client assertion contains an invalid signature."
        if claims.get("aud") != endpoint or claims.get("iss") != self.client_id or claims.get("sub") != self.client_id:
            return 700016 if claims.get("iss") != self.client_id else 700021, "Client assertion audience or issuer is wrong."
        if not claims.get("nbf", 0) - 300 <= time.time() < claims.get("exp", 0):
            return 700024, "Client assertion is not within its valid time range."
        if cert.not_valid_after_utc < datetime.now(timezone.utc):
            return 700027, "The certificate used to sign the client assertion has expired."
        return None

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


def make_app_certificate(directory: Path, name: str = "app", days: int = 365, separate_key: bool = False,
                         passphrase: str | None = None) -> tuple[Path, Path, bytes]:
    """A self-signed RSA certificate for an app registration: (PEM file, key file, certificate PEM). With
    ``separate_key`` the private key is in its own file; both are mode 0600."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"LSCP referral intake {name}")])
    now = datetime.now(timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=days)).sign(key, hashes.SHA256()))
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    key_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    cert_path = directory / f"{name}.pem"
    key_path = directory / f"{name}.key" if separate_key else cert_path
    if separate_key:
        cert_path.write_bytes(cert_pem)
        key_path.write_bytes(key_pem)
    else:
        cert_path.write_bytes(cert_pem + key_pem)
    os.chmod(key_path, 0o600)
    return cert_path, key_path, cert_pem


class ConnectProxy:
    """An HTTP CONNECT proxy on loopback: opens the tunnel, records "host:port", relays bytes both ways."""

    def __init__(self):
        self.tunnels: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket):
        with client:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = client.recv(4096)
                if not chunk:
                    return
                request += chunk
            method, target = request.split(b" ", 2)[:2]
            if method != b"CONNECT":  # a plain-HTTP request through the proxy: not what msal should send
                client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            host, port = target.decode().rsplit(":", 1)
            self.tunnels.append(target.decode())
            try:
                upstream = socket.create_connection((host, int(port)), timeout=10)
            except OSError:
                client.sendall(b"HTTP/1.1 502 Bad Gateway\r\n\r\n")
                return
            with upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                sockets = [client, upstream]
                while True:
                    readable, _, _ = select.select(sockets, [], [], 10)
                    if not readable:
                        return
                    for s in readable:
                        data = s.recv(65536)
                        if not data:
                            return
                        (upstream if s is client else client).sendall(data)

    def stop(self):
        self._stop = True
        self.listener.close()
