"""Documents fetched by URL (httpx): http and https only, bounded time, size and redirects, and
the bytes read by the same readers as files, by what they are (``sources.read_data``)."""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

from guanxi.graph.errors import InputError

TIMEOUT_S = 20.0  # for each connection and read, and for the whole fetch
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
READ_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf", "application/octet-stream")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv6 addresses that stand for an IPv4 one


def parts_of(url: str):
    """The parts of ``url``, http(s) only, without credentials; an InputError for anything else."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a port out of range)
    except ValueError as e:
        raise InputError(f"{url}: is not a valid address ({e})") from e
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: only http:// and https:// addresses are fetched")
    if parts.username is not None or parts.password is not None:
        raise InputError(f"{url}: addresses with a user name or password are not fetched")
    return parts


def is_public(address) -> bool:
    """A global address, also where an IPv6 address stands for an IPv4 one (mapped, 6to4, NAT64)."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and address in NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None and not inner.is_global:
            return False
    return address.is_global


def check_address(url: str, allow_private: bool) -> str | None:
    """Refuse schemes other than http(s) and, unless ``allow_private``, hosts that resolve to a
    private, loopback or link-local address (what a server must not be made to fetch). The
    address to connect to, so that a second lookup cannot answer differently (None: any)."""
    parts = parts_of(url)
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(f"{url}: the host could not be found ({getattr(e, 'strerror', None) or e})") from e
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not is_public(address):
            raise InputError(f"{url}: refused: {parts.hostname} is a private or local address ({address})")
    return str(next((a for a in addresses if a.version == 4), addresses[0]))


def pinned(url: str, address: str | None) -> tuple[str, dict, dict]:
    """The request for ``url`` sent to ``address``: the address in place of the host, the host
    named (in its ASCII form) in the Host header and in TLS, so certificates are checked against
    the name."""
    if address is None:
        return url, {}, {}
    parts = parts_of(url)
    name = parts.hostname.encode("idna").decode("ascii") if not parts.hostname.isascii() else parts.hostname
    port = f":{parts.port}" if parts.port is not None else ""
    host = f"[{address}]" if ":" in address else address
    shown = f"[{name}]" if ":" in name else name
    return urlunsplit(parts._replace(netloc=host + port)), {"Host": shown + port}, {"sni_hostname": name}


def fetch(url: str, allow_private: bool = True) -> tuple[bytes, str]:
    """The body of ``url`` and its final address, following at most ``MAX_REDIRECTS`` redirects,
    each one checked like the first, all within ``TIMEOUT_S``. Without ``allow_private``, each
    request goes to the address that was checked, on a connection of its own, and no proxy from
    the environment is used."""
    import httpx

    deadline = time.monotonic() + TIMEOUT_S
    limits = httpx.Limits(max_keepalive_connections=0)  # no connection reused for another host
    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=allow_private, limits=limits) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target, headers, extensions = pinned(url, check_address(url, allow_private))
            try:
                with client.stream(
                    "GET", target, headers={"User-Agent": "guanxi", **headers}, extensions=extensions
                ) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return read_body(response, url, deadline), url
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as e:
                raise InputError(f"{url}: could not be fetched ({type(e).__name__}: {e})") from e
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def read_body(response, url: str, deadline: float) -> bytes:
    if response.status_code != 200:
        raise InputError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind not in READ_TYPES and kind != DOCX_TYPE:
        raise InputError(f"{url}: is {kind}, which guanxi does not read (it reads web pages, text, PDF and .docx)")
    if int(response.headers.get("content-length") or 0) > MAX_BYTES:
        raise InputError(f"{url}: is larger than {MAX_BYTES // 2**20} MB")
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_BYTES:
            raise InputError(f"{url}: is larger than {MAX_BYTES // 2**20} MB")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: took more than {TIMEOUT_S:.0f} s to fetch")
    return bytes(body)
