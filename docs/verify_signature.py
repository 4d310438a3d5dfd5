#!/usr/bin/env python3
"""Check that a push really comes from the Dateline wire. Standard library only.

Use `verify()` in your own receiver, or run this file as a small receiver to try it out:

    python3 verify_signature.py --secret whsec_... --port 8080

Every POST is answered 204 when its signature is good and 401 when it is not.
"""

import argparse
import hashlib
import hmac
import json
import sys
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Refuse pushes signed longer ago than this (or this far in the future): replay protection.
TOLERANCE_SECONDS = 300


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> bool:
    """True when `body` was signed with `secret` within `tolerance` seconds of `now`."""
    lowered = {name.lower(): value for name, value in headers.items()}
    timestamp = lowered.get("dateline-timestamp", "")
    signatures = lowered.get("dateline-signature", "")
    if not timestamp.isdigit():
        return False
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > tolerance:
        return False
    message = timestamp.encode() + b"." + body
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    # "v1=<hex>", possibly several separated by commas (e.g. while a secret is rotated).
    given = [part.strip()[3:] for part in signatures.split(",") if part.strip().startswith("v1=")]
    return any(hmac.compare_digest(expected, candidate) for candidate in given)


def describe(headers: Mapping[str, str], body: bytes) -> str:
    event = headers.get("Dateline-Event")
    if not headers.get("Content-Type", "").startswith("application/ninjs+json"):
        return f"{event}: {len(body)} bytes of {headers.get('Content-Type')}"
    item = json.loads(body)
    status = item.get("pubStatus") or item.get("pubstatus")
    return f"{event}: {item['uri']} v{item.get('version')} {status}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--secret", required=True, help="the webhook's secret (whsec_…)")
    parser.add_argument("--port", type=int, default=8080)
    options = parser.parse_args()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            good = verify(options.secret, dict(self.headers.items()), body)
            print(describe(self.headers, body) if good else "REFUSED: bad or stale signature")
            self.send_response(204 if good else 401)
            self.end_headers()

    sys.stdout.reconfigure(line_buffering=True)
    ThreadingHTTPServer(("127.0.0.1", options.port), Receiver).serve_forever()


if __name__ == "__main__":
    main()
