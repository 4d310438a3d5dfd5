"""Every response readers get carries the security headers: pages rendered or kept in the page
cache, and through nginx (deploy/nginx.conf) its cached pages and the files it serves itself."""

import importlib.util
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

NGINX = Path("/usr/sbin/nginx")
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
)


def policy(value: str) -> dict[str, frozenset[str]]:
    """A CSP as {directive: sources}, so the same policy written in another order is equal."""
    directives = (part.split() for part in value.split(";") if part.strip())
    return {name: frozenset(sources) for name, *sources in directives}


def security_headers(headers) -> dict:
    found = {name: headers.get(name) for name in SECURITY_HEADERS}
    found["Content-Security-Policy"] = policy(found["Content-Security-Policy"] or "")
    found["Permissions-Policy"] = set((found["Permissions-Policy"] or "").split(", "))
    return found


def test_a_page_from_the_page_cache_keeps_the_security_headers(client, english, page_cache):
    rendered = client.get("/en/")
    kept = client.get("/en/")
    assert kept["X-Page-Cache"] == "hit"
    assert security_headers(kept) == security_headers(rendered)
    assert "default-src" in kept["Content-Security-Policy"]
    assert "microphone=()" in kept["Permissions-Policy"]
    assert kept["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert kept["Cross-Origin-Opener-Policy"] == "same-origin"
    assert kept["X-Content-Type-Options"] == "nosniff"


def test_the_admin_gets_the_reader_policy_plus_inline_scripts_and_styles(client, english):
    reader = policy(client.get("/en/")["Content-Security-Policy"])
    admin = policy(client.get("/admin/login/")["Content-Security-Policy"])
    assert "script-src" not in reader
    assert admin["script-src"] == {"'self'", "'unsafe-inline'"}
    assert admin["style-src"] == {"'self'", "'unsafe-inline'"}
    assert admin["object-src"] == reader["object-src"] == {"'none'"}
    assert admin["frame-ancestors"] == {"'self'"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_conf(**values) -> str:
    path = Path(settings.BASE_DIR) / "deploy" / "render.py"
    spec = importlib.util.spec_from_file_location("deploy_render", path)
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)
    return render.nginx_conf(**values)


@pytest.fixture
def nginx(live_server):
    """deploy/nginx.conf in front of the live server, on a free port; yields its base URL."""
    if not NGINX.exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx.")
    # nginx's workers run as nobody: a directory they can read, outside pytest's private tmp.
    run_dir = Path(tempfile.mkdtemp(prefix="dateline-nginx-"))
    run_dir.chmod(0o755)
    media = run_dir / "media"
    media.mkdir(mode=0o755)
    Image.new("RGB", (40, 30), (40, 90, 160)).save(media / "photo.jpg")
    (media / "photo.jpg").chmod(0o644)
    port = free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(
        nginx_conf(
            listen=f"127.0.0.1:{port}",
            app_address=live_server.url.removeprefix("http://").replace("localhost", "127.0.0.1"),
            run_dir=run_dir,
            static_root=Path(settings.BASE_DIR) / "dateline" / "public" / "static",
            media_root=media,
        )
    )
    process = subprocess.Popen(  # noqa: S603
        [str(NGINX), "-c", str(conf), "-p", str(run_dir), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(run_dir, ignore_errors=True)


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 — our own nginx
        response.read()
        return response.headers


@pytest.mark.system
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_its_cached_pages_static_and_media_files_with_the_app_s_headers(
    english, page_cache, live_server, nginx
):
    app = security_headers(fetch(f"{live_server.url}/en/"))
    first = fetch(f"{nginx}/en/")
    kept = fetch(f"{nginx}/en/")
    assert kept["X-Cache-Status"] == "HIT"
    assert security_headers(first) == security_headers(kept) == app

    for path in ("/static/public/site.css", "/media/photo.jpg"):
        headers = fetch(f"{nginx}{path}")
        assert security_headers(headers) == app, path
        assert headers["X-Frame-Options"] == "SAMEORIGIN", path
