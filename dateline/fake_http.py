"""A real HTTP server on 127.0.0.1 for tests, answering as scripted: what a weather provider,
a partner's webhook receiver or nginx taking PURGEs would say. Records every request."""

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    at: float  # time.time() when the request had arrived whole


class ScriptedServer:
    """Answers each request with the next scripted answer, or `unscripted` once they run out."""

    def __init__(self, unscripted: Answer):
        self.unscripted = unscripted
        self.script: deque[Answer] = deque()
        self.requests: list[Seen] = []
        self.arrived = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                query = {key: values[0] for key, values in parse_qs(parts.query).items()}
                server.requests.append(
                    Seen(self.command, parts.path, query, dict(self.headers), body, time.time())
                )
                answer = server.script.popleft() if server.script else server.unscripted
                time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting, as timeout tests want
                server.arrived.set()

            do_POST = do_PURGE = do_GET

            def log_message(self, format, *args):
                pass

        return Handler
