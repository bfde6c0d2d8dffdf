"""Getting a page from the network, safely: the only part of digest/ that does I/O.

- `fetcher`: `Fetcher.fetch(url) -> Page`, redirects followed hop by hop, one deadline for the whole download;
- `guard`: which addresses may be fetched (public ones, allowed ports, no numeric tricks), checked at every hop;
- `bounded`: reading and decompressing a body with a cap, so a bomb or an endless body costs little;
- `decode`: bytes to text (declared charset, byte-order mark, detection), and telling text from other files;
- `hostslots`: at most a few requests at once to one host.
"""

from digest.fetch.decode import decode_body, looks_binary, looks_like_pdf
from digest.fetch.fetcher import USER_AGENT, Fetcher, FetchLimits
from digest.fetch.guard import DEFAULT_ALLOWED_PORTS, REFUSED_PRIVATE, AddressPolicy, is_public_address

__all__ = [
    "DEFAULT_ALLOWED_PORTS", "REFUSED_PRIVATE", "USER_AGENT", "AddressPolicy", "FetchLimits", "Fetcher",
    "decode_body", "is_public_address", "looks_binary", "looks_like_pdf",
]
