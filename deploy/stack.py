"""Start the production recipe here (gunicorn, task worker, nginx), for checks and benchmarks."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from render import nginx_conf

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


class Stack:
    """Processes started here, stopped together."""

    def __init__(self, run_dir: Path):
        self.run_dir = run_dir
        self.processes: list[subprocess.Popen] = []
        run_dir.mkdir(parents=True, exist_ok=True)

    def gunicorn(self, *, port: int, env: dict, workers: int = 2, app="dateline.wsgi") -> int:
        log = open(self.run_dir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 (lives with it)
        process = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                app,
                f"--bind=127.0.0.1:{port}",
                f"--workers={workers}",
                "--worker-class=sync",
                "--max-requests=0",
            ],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        wait_http(f"http://127.0.0.1:{port}/robots.txt")
        return process.pid

    def worker(self, *, env: dict) -> None:
        log = open(self.run_dir / "worker.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [str(PYTHON), "manage.py", "worker"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)

    def nginx(self, *, port: int, app_port: int, static_root: Path, media_root: Path) -> None:
        nginx_dir = self.run_dir / f"nginx-{port}"
        shutil.rmtree(nginx_dir, ignore_errors=True)
        nginx_dir.mkdir(parents=True)
        conf = nginx_dir / "nginx.conf"
        conf.write_text(
            nginx_conf(
                listen=f"127.0.0.1:{port}",
                app_address=f"127.0.0.1:{app_port}",
                run_dir=nginx_dir,
                static_root=static_root,
                media_root=media_root,
            )
        )
        # Started as root, nginx runs its workers as www-data, which cannot reach a checkout
        # in a private (0700) directory such as /root/dateline: its cache and temporary files
        # under run_dir, its static files. Here they run as the user who started the check.
        # (In production nginx's workers stay www-data, with paths of their own.)
        directives = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
        process = subprocess.Popen(  # noqa: S603
            ["/usr/sbin/nginx", "-c", str(conf), "-p", str(nginx_dir), "-g", directives],
            stdout=subprocess.DEVNULL,
            stderr=open(nginx_dir / "stderr.log", "w"),  # noqa: SIM115
        )
        self.processes.append(process)
        wait_http(f"http://127.0.0.1:{port}/robots.txt")

    def redis(self, *, port: int) -> str:
        """A redis-server of the stack's own (nothing saved to disk); returns its URL."""
        process = subprocess.Popen(  # noqa: S603
            [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.run_dir)],
            stdout=open(self.run_dir / f"redis-{port}.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        url = f"redis://127.0.0.1:{port}/0"
        deadline = time.monotonic() + 30
        while not _redis_answers(url):
            if time.monotonic() > deadline or process.poll() is not None:
                sys.exit(f"redis-server on port {port} did not start")
            time.sleep(0.1)
        return url

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{url} did not answer in {timeout} s")


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.ConnectionError:
        return False


def free_port() -> int:
    """A TCP port nothing listens on now (the OS's choice), for a server started next."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


REDIS_SERVER = Path("/usr/bin/redis-server")
NGINX_PACKAGES = {
    "nginx-light": Path("/usr/sbin/nginx"),
    "libnginx-mod-http-cache-purge": Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"),
}
BENCH_PACKAGES = {**NGINX_PACKAGES, "wrk": Path("/usr/bin/wrk")}
CHECK_PACKAGES = {**NGINX_PACKAGES, "redis-server": REDIS_SERVER}


def debian_packages_ensure(wanted: dict[str, Path] = BENCH_PACKAGES) -> None:
    """nginx with the purge module (and wrk for benchmarks): installed from Debian when
    missing (as root)."""
    missing = [package for package, path in wanted.items() if not path.exists()]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing Debian packages: sudo apt-get install {' '.join(missing)}")
    subprocess.run(["apt-get", "update", "-q"], check=True)  # noqa: S607
    subprocess.run(  # noqa: S603
        ["apt-get", "install", "-y", "-q", *missing],  # noqa: S607
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
