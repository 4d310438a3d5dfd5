import pytest

from .receiver import Receiver


@pytest.fixture
def receiver(settings):
    """A partner's webhook endpoint: a real HTTP server on this machine.

    Pushes go to public addresses only; this one is allowed as an on-premises partner's is.
    """
    settings.WIRE_PUSH_ALLOWED_HOSTS = ["127.0.0.1"]
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _quick_retries(settings):
    # Real delays are tested with time-machine; elsewhere a retry is due at once.
    settings.WIRE_PUSH_RETRY_BASE = 0
    settings.WIRE_PUSH_TIMEOUT = 2
