"""Documents fetched by URL (httpx): http and https only, bounded time, size and redirects, and
the bytes read by the same readers as files, by what they are (``sources.read_data``)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit, urlunsplit

from guanxi.graph.errors import InputError

TIMEOUT_S = 20.0
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
READ_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf", "application/octet-stream")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def check_address(url: str, allow_private: bool) -> str | None:
    """Refuse schemes other than http(s) and, unless ``allow_private``, hosts that resolve to a
    private, loopback or link-local address (what a server must not be made to fetch). The
    address to connect to, so that a second lookup cannot answer differently (None: any)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: only http:// and https:// addresses are fetched")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as e:
        raise InputError(f"{url}: the host could not be found ({e.strerror})") from e
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    for address in addresses:
        if not address.is_global:
            raise InputError(f"{url}: refused: {parts.hostname} is a private or local address ({address})")
    return str(addresses[0])


def pinned(url: str, address: str | None) -> tuple[str, dict, dict]:
    """The request for ``url`` sent to ``address``: the address in place of the host, the host
    named in the Host header and in TLS (so certificates are checked against the name)."""
    if address is None:
        return url, {}, {}
    parts = urlsplit(url)
    host = f"[{address}]" if ":" in address else address
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc)), {"Host": parts.netloc}, {"sni_hostname": parts.hostname}


def fetch(url: str, allow_private: bool = True) -> tuple[bytes, str]:
    """The body of ``url`` and its final address, following at most ``MAX_REDIRECTS`` redirects,
    each one checked like the first. Without ``allow_private``, each request goes to the address
    that was checked, and no proxy from the environment is used."""
    import httpx

    with httpx.Client(timeout=TIMEOUT_S, follow_redirects=False, trust_env=allow_private) as client:
        for _ in range(MAX_REDIRECTS + 1):
            target, headers, extensions = pinned(url, check_address(url, allow_private))
            try:
                with client.stream(
                    "GET", target, headers={"User-Agent": "guanxi", **headers}, extensions=extensions
                ) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers["location"])
                        continue
                    return read_body(response, url), url
            except httpx.HTTPError as e:
                raise InputError(f"{url}: could not be fetched ({type(e).__name__}: {e})") from e
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def read_body(response, url: str) -> bytes:
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
    return bytes(body)
