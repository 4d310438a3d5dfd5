"""Guessing an editor's password at the admin sign-in is paused after a few wrong tries
(django-axes, settings.AXES_*): by user name and address together, for a cool-off time."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from dateline.test import PASSWORD, reporter_make

LOGIN = "/admin/login/"


@pytest.fixture
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def sign_in(client: Client, username: str, password: str, address: str = "198.51.100.7"):
    """The admin's sign-in form, as a browser posts it (CSRF token included)."""
    client.get(LOGIN, REMOTE_ADDR=address)
    return client.post(
        LOGIN,
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
        REMOTE_ADDR=address,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail_times(username: str, count: int, address: str = "198.51.100.7") -> list[int]:
    """The status of each wrong try: the form again (200), then the lockout page (429)."""
    client = Client(enforce_csrf_checks=True)
    return [sign_in(client, username, "wrong-guess", address).status_code for _ in range(count)]


@pytest.mark.django_db
def test_after_the_limit_of_wrong_passwords_even_the_right_one_gets_the_lockout_page(limits):
    reporter_make()
    assert fail_times("reporter", 3) == [200, 200, 429]

    client = Client(enforce_csrf_checks=True)
    response = sign_in(client, "reporter", PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    page = response.content.decode()
    assert "Too many sign-in attempts" in page
    assert "Try again in 15 minutes" in page
    assert client.get("/admin/")["Location"].startswith(LOGIN)  # still signed out


@pytest.mark.django_db
def test_wrong_passwords_below_the_limit_do_not_stop_the_right_one(limits):
    reporter_make()
    assert fail_times("reporter", 2) == [200, 200]
    assert signed_in(sign_in(Client(enforce_csrf_checks=True), "reporter", PASSWORD))


@pytest.mark.django_db
def test_another_user_and_the_same_user_elsewhere_sign_in_during_a_lockout(limits):
    reporter_make()
    reporter_make(username="colleague")
    fail_times("reporter", 3, address="198.51.100.7")

    here = Client(enforce_csrf_checks=True)
    assert signed_in(sign_in(here, "colleague", PASSWORD, address="198.51.100.7"))
    elsewhere = Client(enforce_csrf_checks=True)
    assert signed_in(sign_in(elsewhere, "reporter", PASSWORD, address="203.0.113.20"))


@pytest.mark.django_db
def test_the_lockout_ends_after_the_cool_off_time(limits):
    reporter_make()
    with time_machine.travel("2026-12-05 08:00 +00:00", tick=False) as clock:
        fail_times("reporter", 3)
        assert sign_in(Client(enforce_csrf_checks=True), "reporter", PASSWORD).status_code == 429

        clock.shift(timedelta(minutes=16))
        assert signed_in(sign_in(Client(enforce_csrf_checks=True), "reporter", PASSWORD))


@pytest.mark.django_db
def test_behind_nginx_the_reader_s_address_counts_not_the_proxy_s(limits, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    reporter_make()
    client = Client(enforce_csrf_checks=True, HTTP_X_REAL_IP="198.51.100.7")
    for _ in range(3):
        sign_in(client, "reporter", "wrong-guess", address="127.0.0.1")
    # Another reader through the same nginx is not the one who guessed.
    other = Client(enforce_csrf_checks=True, HTTP_X_REAL_IP="203.0.113.20")
    assert signed_in(sign_in(other, "reporter", PASSWORD, address="127.0.0.1"))
    assert sign_in(client, "reporter", PASSWORD, address="127.0.0.1").status_code == 429
