"""A partner's webhook receiver (POST), or nginx taking cache purges (PURGE): a real HTTP
server on 127.0.0.1 that answers each request with the next scripted status (default 200)."""

from dateline.fake_http import Answer, ScriptedServer


class Receiver(ScriptedServer):
    def __init__(self):
        super().__init__(unscripted=Answer(200, b"ok"))

    @property
    def url(self) -> str:
        return f"{self.base_url}/hooks/dateline"

    @property
    def received(self):
        return self.requests

    def answer(self, *statuses: int) -> None:
        self.script.extend(
            Answer(status, b"ok" if status < 400 else b"partner CMS is down") for status in statuses
        )
