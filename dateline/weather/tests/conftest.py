import pytest

from .server import FakeWeatherServer

USER_AGENT = "Dateline/0.1 https://dateline.example newsroom@dateline.example"


@pytest.fixture(autouse=True)
def _no_real_provider(settings):
    # Nothing here may reach the real services: port 1 on this machine refuses at once.
    settings.METNO_BASE_URL = "http://127.0.0.1:1/weatherapi/locationforecast/2.0"
    settings.OPEN_METEO_BASE_URL = "http://127.0.0.1:1"
    settings.OPEN_METEO_API_KEY = ""
    settings.WEATHER_PROVIDER = "metno"
    settings.WEATHER_USER_AGENT = USER_AGENT
    settings.WEATHER_TIMEOUT = 0.5


@pytest.fixture
def weather_server():
    server = FakeWeatherServer().start()
    yield server
    server.stop()


@pytest.fixture
def met(weather_server, settings):
    """MET Norway, played by a local server."""
    settings.METNO_BASE_URL = f"{weather_server.url}/weatherapi/locationforecast/2.0"
    return weather_server


@pytest.fixture
def open_meteo(weather_server, settings):
    """Open-Meteo, played by a local server."""
    settings.WEATHER_PROVIDER = "openmeteo"
    settings.OPEN_METEO_BASE_URL = weather_server.url
    return weather_server
