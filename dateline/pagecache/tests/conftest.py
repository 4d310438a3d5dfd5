import pytest

from dateline.wire.tests.receiver import Receiver


@pytest.fixture
def purge_receiver():
    """Where nginx would take PURGE requests: a real HTTP server on this machine."""
    server = Receiver().start()
    yield server
    server.stop()
