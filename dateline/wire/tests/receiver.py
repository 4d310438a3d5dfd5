"""A real HTTP server on 127.0.0.1 that answers as scripted: a partner's webhook receiver
(POST), or nginx taking cache purges (PURGE)."""

import threading
import time
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float  # time.time() when the body had arrived
    method: str = "POST"


class Receiver:
    """Records every POST and PURGE; answers each with the next scripted status (default 200)."""

    def __init__(self):
        self.script: deque[int] = deque()
        self.received: list[Received] = []
        self.arrived = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}/hooks/dateline"

    def answer(self, *statuses: int) -> None:
        self.script.extend(statuses)

    def start(self) -> "Receiver":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append(
                    Received(self.path, dict(self.headers.items()), body, time.time(), self.command)
                )
                status = receiver.script.popleft() if receiver.script else 200
                payload = b"ok" if status < 400 else b"partner CMS is down"
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                receiver.arrived.set()

            do_PURGE = do_POST

            def log_message(self, format, *args):
                pass

        return Handler
