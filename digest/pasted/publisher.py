"""The publisher of a pasted page, chosen among the names it gives itself (digest.pasted.naming).

Each name found gets a bonus for how it was named, plus one per line that mentions it; the best wins.
A wrong publisher is worse than none, so a weak signal must be confirmed: owner companies and the
masthead are confirmed where they are read (digest.pasted.naming); here, a domain standing alone
counts only at the top of the page (the masthead of a mobile page, "m.heraldsun.com.au"), where it
beats an owner's name; further down it is a link (an author's blog, "Official links: Minecraft.net").

Where the rules find nothing, a fitted model (digest.pasted.publisher_model) weighs every name the
page repeats, the stems of owner companies and the domains it writes (digest.pasted.addresses);
where no name scores well, the domain the page writes as its own (a desk's mailbox, a print
header's address); else the domain of the page's address, else None.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from digest.pasted import publisher_model
from digest.pasted.addresses import Written, written_domains
from digest.pasted.companies import LEADING_THE, UPPER_START
from digest.pasted.lines import Line
from digest.pasted.naming import BRAND_BONUS, SITE_ADDRESS, Named, acceptable_name, site_candidates, squashed
from digest.urls import site_from_host

DOMAIN_MASTHEAD_LINES = 3  # a domain alone on a line names the site only at the top of the page
BRAND_MIN_MENTIONS = 2  # a name the page shows once is no evidence (a masthead needs one more)
COMMON_BRAND_MIN_MENTIONS = 3  # a brand line's name made of common words ("About Community", "Join Discussion",
# "About The Author") is a box's heading unless the page repeats it ("More from Medium") or sets it in capitals
# apart from its line ("Follow FORTUNE")
LONGER_NAME_SHARE = 4  # "Quanta Magazine" beats "Quanta", "BBC News" beats "BBC", when it has a quarter of its
# score, on two lines at least (a section's brand line, "POLITICO Live" once, is no fuller spelling of the brand)


DOMAIN_LINE = re.compile(r"^(?:https?://)?((?:[\w-]+\.)+(?:com|org|net|info|news|co\.uk|com\.au|[a-z]{2}))/?$",
                         re.IGNORECASE)


def initials(name: str) -> str:
    """ "Medical News Today" -> "MNT": what an acronym of the name would be (two letters or more)."""
    words = [word for word in name.split() if word[:1].isupper()]
    return "".join(word[0] for word in words) if len(words) >= 2 and len(words) == len(name.split()) else ""


def mentions(name: str, texts: list[str]) -> int:
    """How many lines show the name as whole words."""
    return sum(1 for text in texts if name in text and publisher_model.shows_whole(name, text))  # the substring first


def distinct_mentions(name: str, texts: list[str]) -> int:
    """How many different lines show the name as whole words, not as the head of a longer capitalised name
    ("Community Heroes" is another name)."""
    holding = [text for text in texts if name in text]  # the substring first: no pattern to compile for most names
    if not holding:
        return 0
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)(?!\s+[{UPPER_START}])")
    return len({text for text in holding if pattern.search(text)})


def domain_in_text(lines: list[Line]) -> str | None:
    """A site's own address standing as a line of its own at the top of the page ("m.heraldsun.com.au")."""
    for line in lines[:DOMAIN_MASTHEAD_LINES]:
        match = DOMAIN_LINE.match(line.text)
        if match:
            return site_from_host(match.group(1).lower())
    return None


def addresses(texts: list[str]) -> set[str]:
    """The names the texts write as a site's address ("engadget" of "www.engadget.com/about"), lower case."""
    return {match.group(1).casefold() for text in texts if "." in text for match in ADDRESS_LABEL.finditer(text)}


ADDRESS_LABEL = re.compile(rf"(?<![\w-])([^\W_]+)\.{SITE_ADDRESS}(?![\w-])", re.IGNORECASE)


def site_choices(lines: list[Line], named: Named, headline: str | None = None, article: range | None = None,
                 rule_pick: str | None = None, common: frozenset[str] | None = None) -> list[tuple[str, dict[str, float]]]:
    """Every name the page may call itself, and "no name" (publisher_model.NONE), with the model's features;
    `named`, what `site_candidates` read; `rule_pick`, what `find_site_by_rules` found (None: nothing);
    `common`, the common words (default: the shipped list; a fitter passes its training pages' own)."""
    common = publisher_model.common_words() if common is None else common
    rules, owners = named.names, named.owners
    domain = domain_in_text(lines)
    names = publisher_model.candidate_names(lines, article, [*rules, *owners, *([rule_pick] if rule_pick else [])])
    if domain:
        names.add(domain)
    names = {name for name in names if acceptable_name(name)}
    domains = written_domains(lines)
    written = addresses([line.text for line in lines if article is None or line.index not in article])
    labels = {squashed(key.split(".")[0]) for key in domains}
    shown = publisher_model.showing_each([name for name in names if name], lines)  # read once, used twice
    page = "\n".join(line.text for line in lines)
    extended = publisher_model.extensions(names, lines, shown)
    spelled = spelled_domains(names, domains)
    choices = [(name, publisher_model.features(lines, name, article, rules, rule_pick, headline,
                                               name != publisher_model.NONE and squashed(name) in written,
                                               domain, extended.get(name, (False, False)), name in owners, name in named.groups,
                                               name != publisher_model.NONE and squashed(name) in labels, common,
                                               shown.get(name), page)
                | merged_address(spelled.get(name), article, len(lines)))
               for name in sorted(names | {publisher_model.NONE})]
    merged = {found.name for found in spelled.values()}
    return choices + [(found.name, publisher_model.address_features(found, article, len(lines), rule_pick))
                      for found in domains.values()
                      if found.name not in names and found.name not in merged]  # a domain no name spells


def spelled_domains(names: set[str], domains: dict[str, Written]) -> dict[str, Written]:
    """Per name, the domain the page writes that spells it ("UPROXX" and "uproxx.it", "BuzzFeed" and
    "BuzzFeed.com"), the one on most lines: one brand shown two ways is one candidate with both's evidence.
    A domain written only in a person's mailbox is left apart (a byline's own site)."""
    by_label: dict[str, Written] = {}
    for key, found in domains.items():
        label = squashed(key.split(".")[0])
        if not (found.plain or found.role):
            continue  # only a person's mailbox ("pippin@pippinlee.com"): their own site, not the page's
        if label and (label not in by_label or len(found.lines) > len(by_label[label].lines)):
            by_label[label] = found
    return {name: by_label[squashed(name)] for name in names
            if name != publisher_model.NONE and squashed(name) in by_label and by_label[squashed(name)].name != name}


def merged_address(found: Written | None, article: range | None, line_count: int) -> dict[str, float]:
    """The address features of the domain that spells a name (`spelled_domains`), for that name's vector."""
    if found is None:
        return {}
    vector = publisher_model.address_features(found, article, line_count, None)
    return {key: value for key, value in vector.items() if key.startswith("address")}


def find_site(lines: list[Line], url: str | None, headline: str | None = None,
              article: range | None = None) -> str | None:
    """The name the rules find (`find_site_by_rules`); when they find none, the model's
    (`find_site_by_model`); else the domain of the page's address, else None. (Measured by site-folds,
    the model alone names the right publisher less often than the rules where they answer, and more often
    where they do not.)"""
    named = site_candidates(lines, headline, article)
    found = find_site_by_rules(lines, named) or find_site_by_model(lines, named, headline, article)
    if found is None and url:
        return site_from_host(urlsplit(url).hostname or "")
    return found


def find_site_by_model(lines: list[Line], named: Named, headline: str | None = None,
                       article: range | None = None) -> str | None:
    """The name the fitted model (digest.pasted.publisher_model) scores highest, if it scores
    NAME_MIN_SCORE or leads every other clearly (`clear_lead`); else the page's own domain as it writes it
    (`own_domain`); else None."""
    scored = [(publisher_model.score(vector), name, vector)
              for name, vector in site_choices(lines, named, headline, article)
              if name != publisher_model.NONE]  # asked when the rules found nothing: rule_pick is None
    ranked = sorted(scored, key=lambda item: item[:2], reverse=True)
    if ranked and (ranked[0][0] >= publisher_model.NAME_MIN_SCORE or clear_lead(ranked)):
        return ranked[0][1]
    return own_domain(scored)


def clear_lead(ranked: list[tuple[float, str, dict[str, float]]]) -> bool:
    """A name below NAME_MIN_SCORE is still the answer when it scores LEAD_MIN_SCORE and no other name comes within
    LEAD_MARGIN of it: one brand the page plainly shows ("UPROXX" on a dozen menu lines, "Copyright © Mynavi
    Corporation"), not one of several names with equal claims (a network's menu: "Deadspin", "Jezebel", "Gizmodo").
    A domain the page only writes (no name spells it) is left to `own_domain`: alone under an article it is a link."""
    best, _, vector = ranked[0]
    if "words" not in vector:  # a written domain's features (publisher_model.address_features), not a name's
        return False
    runner_up = ranked[1][0] if len(ranked) > 1 else None
    return best >= publisher_model.LEAD_MIN_SCORE and (runner_up is None
                                                         or best - runner_up >= publisher_model.LEAD_MARGIN)


def own_domain(scored: list[tuple[float, str, dict[str, float]]]) -> str | None:
    """The fallback when no name scores well: the best-scored domain the page writes where a page writes
    its own, as a desk's mailbox ("corrections@rawstory.com") or atop the page (a print header's
    address), if it scores DOMAIN_MIN_SCORE. Other domains (a disclaimer's, a link's, a person's mailbox,
    "joanna@theatrewing.org") name another site as often as this one (measured on the development
    pastes), and an owner company's stem names the owner: neither is a fallback."""
    domains = [item for item in scored if item[2].get("address") and item[0] >= publisher_model.DOMAIN_MIN_SCORE
               and (item[2].get("address_role") or item[2].get("address_top"))]
    return max(domains, key=lambda item: item[:2])[1] if domains else None


def box_heading(name: str, texts: list[str], common: frozenset[str]) -> bool:
    """A name made of common words ("Community", "The Author", "More Articles In"), unless set in capitals
    in a line that is not ("Follow FORTUNE"): a box's or a menu's heading, not a brand."""
    if publisher_model.common_share(name, common) < 1.0:
        return False
    return not (name.isupper() and any(name in text and not text.isupper() for text in texts))


def find_site_by_rules(lines: list[Line], named: Named, common: frozenset[str] | None = None) -> str | None:
    """The publisher the text names most (`named`, read by `site_candidates`): in its copyright line,
    masthead, and brand lines ("RT News App", "Follow Lifehacker"); a domain atop the page; else None.
    `common`: the common words (default: the shipped list)."""
    common = publisher_model.common_words() if common is None else common
    texts = [line.text for line in lines]
    scored = []
    for name, bonus in named.names.items():
        if bonus == BRAND_BONUS and publisher_model.written_as_author(name, lines):
            continue  # "More from Jakob Ulbrich" over "Jakob Ulbrich" / "Follow": an author's box, not the site's
        count = mentions(name, texts)
        if bonus == BRAND_BONUS and box_heading(name, texts, common):
            count = distinct_mentions(name, texts)  # a box repeated ("About Community" twice) is one box
            needed = COMMON_BRAND_MIN_MENTIONS  # one brand line names a box's heading, unless the page repeats it
        else:
            needed = BRAND_MIN_MENTIONS + (1 if bonus == 0 else 0)
        if count + bonus >= needed:
            scored.append((count + bonus, count, len(name), name))  # a tie goes to the name shown more often
    domain = domain_in_text(lines)
    if domain:  # the page's own address on top, unless a name found spells it ("The Riverside Gazette")
        spelled = [item for item in scored if squashed(item[-1]) and squashed(item[-1]) in squashed(domain)]
        return max(spelled)[-1] if spelled else domain
    if scored:
        best = max(scored)
        with_article = [item for item in scored if LEADING_THE.sub("", item[-1]) == best[-1] and item[-1] != best[-1]]
        if with_article:  # "The Telegraph" is how the page writes "Telegraph" in full: the same name
            return with_article[0][-1]
        longer = [item for item in scored if best[-1] in item[-1] and item[-1] != best[-1]
                  and item[1] >= BRAND_MIN_MENTIONS and item[0] * LONGER_NAME_SHARE >= best[0]]
        if longer:
            return max(longer)[-1]
        spelled = [item for item in scored if item[-1] != best[-1] and initials(item[-1]) == best[-1]]
        return max(spelled)[-1] if spelled else best[-1]  # "MNT" is "Medical News Today" spelled out
    return None
