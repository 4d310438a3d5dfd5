"""The signature on every push, so that a partner can tell our POSTs from anyone else's.

    Dateline-Timestamp: 1764158400                 (Unix seconds when this attempt was sent)
    Dateline-Signature: v1=<hex HMAC-SHA256>       (key: the webhook's secret, UTF-8)

The signed message is the timestamp, a full stop and the raw body bytes: b"1764158400." + body
— the scheme Stripe uses. A receiver recomputes it, compares in constant time, and refuses
timestamps older than a few minutes so that a captured request cannot be replayed later.
docs/verify_signature.py does exactly that.
"""

import hashlib
import hmac

SIGNATURE_HEADER = "Dateline-Signature"
TIMESTAMP_HEADER = "Dateline-Timestamp"
SCHEME = "v1"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed_headers(secret: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"{SCHEME}={signature(secret, timestamp, body)}",
    }
