"""Fill deploy/nginx.conf's placeholders: python deploy/render.py --listen 80 … > dateline.conf"""

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf")
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
ENABLED_MODULES = Path("/etc/nginx/modules-enabled")


def nginx_conf(
    *, listen, app_address, run_dir, static_root, media_root, purge_from=(), load_module=None
) -> str:
    if load_module is None:
        # Debian loads packaged modules from /etc/nginx/nginx.conf; a config of our own must
        # load the purge module itself.
        load_module = f"load_module {PURGE_MODULE};" if PURGE_MODULE.exists() else ""
    values = {
        "listen": listen,
        "app_address": app_address,
        "run_dir": run_dir,
        "static_root": static_root,
        "media_root": media_root,
        "purge_allow": " ".join(f"allow {address};" for address in purge_from),
        "load_module": load_module,
    }
    return re.sub(r"@(\w+)@", lambda match: str(values[match.group(1)]), TEMPLATE.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--listen", default="80")
    parser.add_argument("--app-address", default="127.0.0.1:8000")
    parser.add_argument("--run-dir", default="/var/cache/dateline-nginx")
    parser.add_argument("--static-root", required=True)
    parser.add_argument("--media-root", required=True)
    parser.add_argument("--purge-from", nargs="*", default=[], help="More addresses for PURGE.")
    args = parser.parse_args()
    sys.stdout.write(
        nginx_conf(
            listen=args.listen,
            app_address=args.app_address,
            run_dir=args.run_dir,
            static_root=args.static_root,
            media_root=args.media_root,
            purge_from=args.purge_from,
        )
    )


if __name__ == "__main__":
    main()
