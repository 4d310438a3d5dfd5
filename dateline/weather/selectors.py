"""What pages read about the weather: only stored observations, never the network."""

from datetime import datetime

from dateline.newsroom import style
from dateline.newsroom.models import Edition

from .icons import icon_template
from .labels import data_credit_label, weather_label
from .models import current_observation
from .providers import provider_credit


def weather_slot(edition: Edition, *, now: datetime) -> dict | None:
    """The header's "Minsk Mainly clear -23°C", its icon and credit; None with nothing fresh."""
    observation = current_observation(edition.pk, now=now)
    if observation is None:
        return None
    slot = {
        "city": edition.home_city,
        "label": weather_label(observation.weather_code, edition.language),
        "temperature": style.temperature(float(observation.temperature_c), edition),
        "icon": icon_template(observation.weather_code, observation.is_day),
        "credit": None,
    }
    # CC BY 4.0: the data's source is named wherever the data is shown.
    credit = provider_credit(observation.provider)
    if credit is not None:
        slot["credit"] = {
            "label": data_credit_label(edition.language),
            "name": credit.name,
            "url": credit.url,
            "license": credit.license,
        }
    return slot
