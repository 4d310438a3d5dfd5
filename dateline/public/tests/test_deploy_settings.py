"""`manage.py check --deploy` with the environment docs/production.md gives for production.

Run in a subprocess: settings are read from the environment once, at start.
"""

import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

DOCS = Path(settings.BASE_DIR) / "docs" / "production.md"
# The https-only settings; without them `check --deploy` must complain, or they prove nothing.
SECURITY_NAMES = {
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
}


def documented_production_env() -> dict[str, str]:
    """The NAME=value lines of the sh block under "## Security settings"; a <placeholder>
    (the secret key) is filled with a fresh value of its kind."""
    section = DOCS.read_text().split("## Security settings", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    env = {}
    for line in block.splitlines():
        name, _, value = line.partition("=")
        if value.startswith("<"):
            assert name == "SECRET_KEY", f"no test value for the placeholder of {name}"
            value = secrets.token_urlsafe(50)
        else:
            value = shlex.split(value)[0]
        env[name] = value
    return env


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests for their live server, refused by
    # check --deploy; a production environment never has it.
    names = documented_production_env().keys() | {"DATELINE_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {name: value for name, value in os.environ.items() if name not in names}
    return subprocess.run(  # noqa: S603 — our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.system
def test_the_documented_production_environment_passes_check_deploy_without_a_warning():
    result = check_deploy(documented_production_env())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.system
def test_without_the_https_settings_check_deploy_names_each_one_missing():
    env = {
        name: value
        for name, value in documented_production_env().items()
        if name not in SECURITY_NAMES
    }
    result = check_deploy(env)
    assert result.returncode == 1
    assert set(re.findall(r"\(([a-z]+\.W\d+)\)", result.stderr)) == {
        "security.W004",  # SECURE_HSTS_SECONDS
        "security.W008",  # SECURE_SSL_REDIRECT
        "security.W012",  # SESSION_COOKIE_SECURE
        "security.W016",  # CSRF_COOKIE_SECURE
    }


def test_the_local_run_answers_plain_http_without_redirecting_or_hsts(client, english):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response


def names_in_settings() -> set[str]:
    source = (Path(settings.BASE_DIR) / "dateline" / "settings.py").read_text()
    helpers = re.findall(r'\benv_(?:str|bool|int|list|pair)\(\s*"([A-Z0-9_]+)"', source)
    direct = re.findall(r'os\.(?:environ\.get|environ\[|getenv)\(?\s*"([A-Z0-9_]+)"', source)
    return set(helpers) | set(direct)


def names_in_readme_table() -> set[str]:
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_the_readme_lists_every_environment_variable_the_settings_read_and_no_other():
    read = names_in_settings()
    assert len(read) > 40  # the pattern still finds them
    documented = names_in_readme_table()
    assert read - documented == set(), "read by settings.py, missing from README's table"
    assert documented - read == set(), "in README's table, no longer read by settings.py"
