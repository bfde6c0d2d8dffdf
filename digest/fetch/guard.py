"""The address guard: which links the bot may open, decided before any connection is made.

A stranger chooses the address, so the server's own network (127.0.0.1, 10.x, cloud metadata at
169.254.169.254, ...) must stay out of reach. The rules, applied to the first request and to every
redirect hop, as Mastodon, Synapse, Discourse and Smokescreen do:

1. `check_url`: only http and https, no user name or password, an allowed port, and a host that is
   either an IP literal or a plain DNS name; numeric tricks (2130706433, 0x7f000001, 127.1) are
   refused here, whatever the resolver would make of them.
2. `resolve_checked`: resolve the name once and refuse if ANY address is not public
   (`is_public_address`). The fetcher then connects to exactly those addresses (no second lookup,
   so DNS rebinding cannot swap them).

`AddressPolicy.allow_private` turns the address check off (local testing only). `trusted_hosts`
exempts exact "host:port" pairs, for tests that must reach a server on 127.0.0.1 while every
other private address stays refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import httpx

from digest.errors import BlockedAddressError, FetchError, N_

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]
"""Resolves (host, port) to address strings; injectable so tests can make a name private."""

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
DEFAULT_ALLOWED_PORTS = frozenset({80, 443, 8080, 8443})
MAX_HOST_LENGTH = 253
HOST_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
NUMERIC_LABEL = re.compile(r"(?:\d+|0x[0-9a-f]*)")  # the URL standard's "ends in a number"

# Not publicly reachable, from the IANA IPv4 and IPv6 Special-Purpose Address Registries
# (entries not "Globally Reachable"), plus multicast and everything IANA has not allocated.
NON_PUBLIC_IPV4 = tuple(ipaddress.IPv4Network(net) for net in (
    "0.0.0.0/8",          # "this network", includes the unspecified 0.0.0.0
    "10.0.0.0/8",         # private
    "100.64.0.0/10",      # shared address space (carrier-grade NAT)
    "127.0.0.0/8",        # loopback
    "169.254.0.0/16",     # link-local, cloud metadata
    "172.16.0.0/12",      # private
    "192.0.0.0/24",       # IETF protocol assignments
    "192.0.2.0/24",       # documentation
    "192.88.99.0/24",     # 6to4 relay anycast (deprecated)
    "192.168.0.0/16",     # private
    "198.18.0.0/15",      # benchmarking
    "198.51.100.0/24",    # documentation
    "203.0.113.0/24",     # documentation
    "224.0.0.0/4",        # multicast
    "240.0.0.0/4",        # reserved, includes broadcast 255.255.255.255
))
IPV6_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")  # everything else is reserved, local or multicast
NON_PUBLIC_IPV6 = tuple(ipaddress.IPv6Network(net) for net in (
    "2001::/23",          # IETF protocol assignments (Teredo inside is judged by its IPv4 first)
    "2001:db8::/32",      # documentation
    "3fff::/20",          # documentation (RFC 9637)
))
# IPv6 forms that carry an IPv4 address: judged by the IPv4 inside.
IPV4_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")  # local-use NAT64: not global whatever it carries
SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")
TEREDO = ipaddress.IPv6Network("2001::/32")

REFUSED_SCHEME = N_("I can only open http:// and https:// links.")
REFUSED_USERINFO = N_("I do not open links that carry a user name or password.")
REFUSED_PRIVATE = N_("That link points to a private or local network address, which I do not open.")
REFUSED_NUMERIC = N_("That link writes its address as a bare number, which I do not open; send the site's name instead.")
REFUSED_HOST = N_("That link's address is not one I can read. Check the link and try again.")
NOT_FOUND = N_("I could not find that site. Check the link and try again.")


REFUSED_PORT = N_("I only open web pages on the usual ports ({ports}), and that link uses another one.")


def refused_port(allowed: frozenset[int]) -> BlockedAddressError:
    return BlockedAddressError(REFUSED_PORT, ports=", ".join(str(port) for port in sorted(allowed)))


@dataclass(frozen=True, slots=True, kw_only=True)
class AddressPolicy:
    """What the guard lets through; the defaults are the safe ones for a public bot."""

    allow_private: bool = False
    allowed_ports: frozenset[int] = DEFAULT_ALLOWED_PORTS
    trusted_hosts: frozenset[str] = frozenset()  # exact "host:port" pairs, for tests

    def trusts(self, host: str, port: int) -> bool:
        return f"{host}:{port}" in self.trusted_hosts or f"[{host}]:{port}" in self.trusted_hosts


@dataclass(frozen=True, slots=True)
class Target:
    """A URL the guard accepted: its ASCII host (brackets removed), port and the literal IP, if any."""

    url: httpx.URL
    host: str
    port: int
    literal: IPAddress | None


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo); () if none."""
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in IPV4_MAPPED or address in IPV4_COMPATIBLE or address in NAT64:
        return (low32,)
    if address in SIX_TO_FOUR:
        return (ipaddress.IPv4Address((int(address) >> 80) & 0xFFFFFFFF),)
    if address in TEREDO:
        server = ipaddress.IPv4Address((int(address) >> 64) & 0xFFFFFFFF)
        client = ipaddress.IPv4Address(~int(address) & 0xFFFFFFFF)
        return (server, client)
    return ()


def is_public_address(address: IPAddress) -> bool:
    """True only for an address anyone on the Internet could reach; judged by our own tables.

    `ipaddress.is_global` is not enough on Python 3.11: it calls ::127.0.0.1 and 2002:7f00:1:: global.
    """
    if isinstance(address, ipaddress.IPv4Address):
        return not any(address in network for network in NON_PUBLIC_IPV4)
    if address.scope_id:
        return False  # a zone (fe80::1%eth0) only means something on this machine
    carried = embedded_ipv4(address)
    if carried:
        return all(is_public_address(ipv4) for ipv4 in carried)
    if address in NAT64_LOCAL or address not in IPV6_GLOBAL_UNICAST:
        return False
    return not any(address in network for network in NON_PUBLIC_IPV6)


def parse_url(url: str | httpx.URL) -> httpx.URL:
    """The one parser whose reading of the host is also what the connection uses."""
    try:
        return url if isinstance(url, httpx.URL) else httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise BlockedAddressError(REFUSED_HOST) from exc


def redirect_target(current: httpx.URL, location: str) -> httpx.URL:
    """The next hop of a redirect, relative to the current URL; checked like the first one."""
    try:
        return current.join(location.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise BlockedAddressError(REFUSED_HOST) from exc


def check_url(url: httpx.URL, policy: AddressPolicy) -> Target:
    """Step 1: scheme, credentials, the shape of the host (or the IP literal), then the port; no network."""
    if url.scheme not in ALLOWED_SCHEMES:
        raise BlockedAddressError(REFUSED_SCHEME)
    if url.userinfo:
        raise BlockedAddressError(REFUSED_USERINFO)
    host = url.raw_host.decode("ascii", "replace").lower()
    port = url.port if url.port is not None else DEFAULT_PORTS[url.scheme]
    if not host:
        raise BlockedAddressError(REFUSED_HOST)
    trusted = policy.trusts(host, port)
    literal = ip_literal(host)
    if literal is None:
        check_host_name(host)
    elif not (trusted or policy.allow_private or is_public_address(literal)):
        raise BlockedAddressError(REFUSED_PRIVATE)
    if not trusted and port not in policy.allowed_ports:
        raise refused_port(policy.allowed_ports)
    return Target(url=url, host=host, port=port, literal=literal)


def ip_literal(host: str) -> IPAddress | None:
    """The address if the host is a canonical IP literal (dotted quad or bracketless IPv6), else None."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def check_host_name(host: str) -> None:
    """A plain DNS name: letters, digits, hyphens; a last label that is a number is a numeric trick."""
    name = host.removesuffix(".")
    labels = name.split(".")
    if len(name) > MAX_HOST_LENGTH or not all(HOST_LABEL.fullmatch(label) for label in labels):
        raise BlockedAddressError(REFUSED_HOST)
    if NUMERIC_LABEL.fullmatch(labels[-1]):
        raise BlockedAddressError(REFUSED_NUMERIC)


async def system_resolver(host: str, port: int) -> Sequence[str]:
    """The operating system's resolver (getaddrinfo), off the event loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(NOT_FOUND) from exc
    return [str(info[4][0]) for info in infos]


async def resolve_checked(target: Target, policy: AddressPolicy, resolver: Resolver) -> tuple[IPAddress, ...]:
    """Step 2: the addresses to connect to, every one of them public (unless the policy says otherwise)."""
    if target.literal is not None:
        return (target.literal,)
    try:
        found = tuple(ipaddress.ip_address(address) for address in await resolver(target.host, target.port))
    except ValueError as exc:
        raise FetchError(NOT_FOUND) from exc
    if not found:
        raise FetchError(NOT_FOUND)
    exempt = policy.allow_private or policy.trusts(target.host, target.port)
    if not exempt and not all(is_public_address(address) for address in found):
        raise BlockedAddressError(REFUSED_PRIVATE)
    return found
