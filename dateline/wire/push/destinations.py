"""Where a push may go: public internet addresses only, unless the operator allows more.

A webhook URL is chosen by whoever manages partners; without this check it could aim our
worker at the agency's own database, cache, cloud metadata service or office network, and
the delivery log would tell what answered. So a destination is vetted twice: when the URL
is saved (a clear message for the operator) and before every attempt, because DNS can
change in between ("rebinding"). The attempt then connects to the very address vetted.

Refused: schemes other than http(s); loopback, private (RFC 1918, fc00::/7), link-local,
CGNAT (100.64/10), unspecified, multicast, reserved and documentation addresses, also when
wrapped in IPv6 (::ffff:127.0.0.1, 6to4, NAT64); well-known ports of infrastructure services
(databases, caches, mail, SSH). WIRE_PUSH_ALLOWED_HOSTS opens host names or networks (CIDR)
for on-premises partners.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Nobody receives webhooks on these; an attacker would like to reach them.
INFRASTRUCTURE_PORTS = {
    22: "SSH",
    23: "Telnet",
    25: "SMTP",
    53: "DNS",
    110: "POP3",
    143: "IMAP",
    465: "SMTP",
    587: "SMTP",
    2375: "Docker",
    2379: "etcd",
    3306: "MySQL",
    5432: "PostgreSQL",
    5984: "CouchDB",
    6379: "Redis",
    9042: "Cassandra",
    9200: "Elasticsearch",
    11211: "memcached",
    27017: "MongoDB",
}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class DestinationError(Exception):
    """A URL that cannot be pushed to, with the reason in words an operator can act on."""


class ForbiddenDestination(DestinationError):
    """Never allowed, whatever the moment: the partner's URL must change."""


class UnresolvedDestination(DestinationError):
    """The host name has no address now; DNS may answer later."""


@dataclass(frozen=True)
class Destination:
    scheme: str
    host: str  # as in the URL: the Host header and the TLS name
    port: int
    target: str  # path and query
    addresses: tuple[str, ...]  # vetted; the only ones to connect to


def destination_vet(url: str) -> Destination:
    """The URL's host resolved and every address checked; raises DestinationError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ForbiddenDestination("Only http:// and https:// URLs can receive pushes.")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:  # a port that is not a number, or out of range
        raise ForbiddenDestination(f"The URL's port is invalid: {error}.") from error
    if not host:
        raise ForbiddenDestination("The URL names no host.")
    if port in INFRASTRUCTURE_PORTS:
        service = INFRASTRUCTURE_PORTS[port]
        raise ForbiddenDestination(f"Port {port} is {service}'s, not a webhook's.")
    addresses = _resolve(host, port)
    if not _host_allowed(host):
        for address in addresses:
            _vet_address(host, address)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    return Destination(parts.scheme, host, port, target, tuple(str(a) for a in addresses))


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise UnresolvedDestination(f"The host {host} cannot be resolved ({error}).") from error
    # The scope of a link-local IPv6 address (fe80::1%eth0) is not part of the address.
    unique = dict.fromkeys(info[4][0].split("%")[0] for info in found)
    return [ipaddress.ip_address(address) for address in unique]


def _vet_address(host: str, address: IPAddress) -> None:
    if any(address in network for network in _allowed_networks()):
        return
    for form in _forms(address):
        if not form.is_global or form.is_multicast or form.is_reserved:
            shown = host if _same(host, address) else f"{host} ({address})"
            raise ForbiddenDestination(
                f"{shown} is not a public internet address: pushes go to partners' servers "
                "only. An on-premises partner needs WIRE_PUSH_ALLOWED_HOSTS."
            )


def _same(host: str, address: IPAddress) -> bool:
    try:
        return ipaddress.ip_address(host) == address
    except ValueError:
        return False


def _forms(address: IPAddress) -> list[IPAddress]:
    """The address and every IPv4 address an IPv6 one carries (and may be routed to)."""
    forms = [address]
    if isinstance(address, ipaddress.IPv6Address):
        embedded = [address.ipv4_mapped, address.sixtofour]
        if address in NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        forms += [form for form in embedded if form is not None]
    return forms


def _host_allowed(host: str) -> bool:
    names, _ = _allowed()
    return host.lower().rstrip(".") in names


def _allowed_networks() -> list[IPNetwork]:
    return _allowed()[1]


def _allowed() -> tuple[set[str], list[IPNetwork]]:
    """WIRE_PUSH_ALLOWED_HOSTS split into host names and networks (a bare address is a /32)."""
    names, networks = set(), []
    for entry in settings.WIRE_PUSH_ALLOWED_HOSTS:
        try:
            networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
        except ValueError:
            names.add(entry.lower().rstrip("."))
    return names, networks
