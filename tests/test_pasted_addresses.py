"""The domains a paste writes, and the pasted publisher's fallback to the page's own (digest.pasted.addresses,
digest.pasted.publisher.own_domain)."""

from __future__ import annotations

from digest.pasted.addresses import registered, written_domains
from digest.pasted.lines import split_lines
from digest.pasted.naming import COPYRIGHT_HOLDER, clean_name, site_candidates
from digest.pasted.publisher import find_site

LEAD = ("The city council voted on Thursday to build a new crossing over the river, ending ten years of argument "
        "about the old ferry and its rising fares for the families who live on the far bank.")


def test_a_domain_is_read_as_written_and_reduced_to_its_registered_part() -> None:
    lines = split_lines("http://news.example.com/2015/08/story.html\nWrite to corrections@riverside.co.uk\n"
                        "Psst: Gazette.com may receive a cut. Built with Node.js, see index.html or Co.Design")
    found = written_domains(lines)
    assert set(found) == {"example.com", "riverside.co.uk", "gazette.com"}
    assert found["example.com"].top and not found["example.com"].email
    assert found["riverside.co.uk"].email
    assert found["gazette.com"].capitals and found["gazette.com"].name == "Gazette.com"
    assert registered("www.yomiuri.co.jp") == "yomiuri.co.jp" and registered("m.heraldsun.com.au") == "heraldsun.com.au"


def test_with_no_brand_the_page_falls_back_to_the_domain_it_writes_as_its_own() -> None:
    paste = f"Menu\nSearch\n{LEAD}\n{LEAD}\nReport typos and corrections to: corrections@riverside-gazette.com.\nPrivacy"
    assert find_site(split_lines(paste), None) == "riverside-gazette.com"


def test_another_sites_domain_in_the_text_is_no_fallback() -> None:
    paste = f"Menu\nSearch\nNews\nSport\nWeather\n{LEAD}\nShare this story on twitter.com\n{LEAD}\nPrivacy"
    assert find_site(split_lines(paste), None) is None


def test_copyright_lines_with_an_uppercase_c_and_a_japanese_legal_form() -> None:
    match = COPYRIGHT_HOLDER.search("Copyright (C) The Riverside Shimbun.")
    assert match and clean_name(match.group("name")) == "The Riverside Shimbun"
    match = COPYRIGHT_HOLDER.search("© RIVERSIDE CO.,LTD.")
    assert match and match.group("name") == "RIVERSIDE"
    assert "The" not in site_candidates(split_lines("About The Company\nAbout The Company"), None).names


def test_a_persons_mailbox_is_no_fallback() -> None:
    paste = f"Menu\nSearch\nNews\nSport\nWeather\n{LEAD}\n{LEAD}\nWrite to the author: joanna@theatrewing.org\nPrivacy"
    assert written_domains(split_lines(paste))["theatrewing.org"].email
    assert find_site(split_lines(paste), None) is None
