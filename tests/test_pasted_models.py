"""Pasted headline and publisher as fitted choices, glued dates (digest.pasted.headline_model,
digest.pasted.publisher_model, digest.pasted.fitted, digest.dates)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from digest.dates import find_date
from digest.pasted import fitted
from digest.pasted.lines import split_lines
from digest.pasted.headline import candidates, without_glued_byline
from digest.pasted.headline_model import (
    FEATURES, breadcrumb_trails, content_tokens, dated_header_below, deck_under, ends_trail, features, header_start,
    headed_lines, name_over_date, restated_below)
from digest.pasted.naming import clean_name, site_candidates
from digest.pasted.publisher import find_site, site_choices
from digest.pasted.publisher_model import written_lower
from digest.pasted.reader import article_lines, read_text
from digest.pasted.span import find_article_span

EST = timezone(timedelta(hours=-5))
PASTE = """\
Skip to main content
Work here!
MenuSections https://www.riversidegazette.example/news/
News
Science
Sign in

Science
Astronomers find a second ring around the distant dwarf planet Quaoar
By Ann Lee
PUBLISHED TUE, NOV 19 20197:05 AM EST

The ring lies far outside the distance where theory says moons should form, astronomers at the observatory said.

Astronomers have found a second ring around Quaoar, a dwarf planet beyond Neptune, using a telescope that watched the planet pass in front of a star in 2021.

The first ring, found last year, already puzzled the team, because it orbits so far from Quaoar that its material should have clumped into a moon long ago.

"We keep finding rings where nobody expected them," said Bruno Morgado, who led the work, on Monday.

Image credit: NASA/ESA/K. Noll
Trending on Riverside Gazette
Riverside Gazette is part of Future US Inc, an international media group and leading digital publisher.
"""


def test_a_year_glued_to_its_clock_time_reads_with_the_time_and_zone() -> None:
    found = find_date("PUBLISHED TUE, NOV 19 20197:05 AM EST")
    assert found is not None and found[0] == datetime(2019, 11, 19, 7, 5, tzinfo=EST)
    found = find_date("Published Tue, Dec 20 201610:32 AM ESTUpdated Tue, Dec 20 20166:29 PM EST")
    assert found is not None and found[0] == datetime(2016, 12, 20, 10, 32, tzinfo=EST)
    assert find_date("Nov 19 20191234") is None  # five digits after a year are no clock


def test_headline_date_and_publisher_of_a_paste_with_menus_credits_and_an_owner() -> None:
    article = read_text(PASTE)
    assert article.title == "Astronomers find a second ring around the distant dwarf planet Quaoar"
    assert article.published == datetime(2019, 11, 19, 7, 5, tzinfo=EST)
    assert article.site == "Riverside Gazette"


def test_a_byline_glued_as_a_full_name_is_cut_off_a_headline_but_not_a_short_title() -> None:
    [line] = split_lines("Helter Shelter: NYC's Fallout Shelters Basically Don't Exist Anymore by Nathan Tempey")
    assert without_glued_byline(line).text == "Helter Shelter: NYC's Fallout Shelters Basically Don't Exist Anymore"
    [short] = split_lines("Bitten by Stray Dogs")
    assert without_glued_byline(short).text == "Bitten by Stray Dogs"


def test_the_shipped_weights_name_every_feature() -> None:
    assert set(FEATURES) <= set(fitted.weights("pasted-headline"))


def test_a_folds_weights_replace_the_shipped_ones(weights_dir: Path) -> None:
    lines = split_lines(PASTE)
    start = next(line.index for line in lines if line.text.startswith("The ring lies"))
    body = [line for line in lines if line.index >= start]
    farthest = min((line for line, _ in candidates(lines, start, body)), key=lambda line: line.index)
    (weights_dir / "pasted-headline.json").write_text(json.dumps({"log_distance": 100.0}), encoding="utf-8")
    assert read_text(PASTE).title == farthest.text != "Astronomers find a second ring around the distant dwarf planet Quaoar"


def test_brand_lines_name_the_publisher_and_a_credit_does_not() -> None:
    assert find_site(split_lines("Trending on Deadline\nDeadline\nSome words"), None) == "Deadline"
    assert find_site(split_lines("Get Even More From Bustle — Sign Up For The Newsletter\nBustle"), None) == "Bustle"
    assert find_site(split_lines("Shop With Us\nShop With Us"), None) is None
    assert find_site(split_lines("Image credit: NASA/ESA/K. Noll\nSpace.com is part of Future US Inc."), None) == "Space.com"
    assert clean_name("By Intelligencer") == "Intelligencer" and clean_name("Bystander") == "Bystander"


def test_an_affiliate_disclosure_names_the_publisher_and_we_names_no_one() -> None:
    disclosure = ("This post contains affiliate links to products selected by our editors. Riverside Gazette may receive "
                  "a commission for purchases made through these links, which helps us keep the lights on for readers.")
    assert find_site(split_lines(f"Menu\n{disclosure}\nRiverside Gazette"), None) == "Riverside Gazette"
    assert find_site(split_lines("If you buy through our links, we may earn a commission.\nMenu"), None) is None


def test_a_trademark_notice_names_the_brand_not_its_owner() -> None:
    notice = ('Copyright © 2016 Riverside Media, Inc. "The Riverside Gazette" is a registered trademark of '
              'Riverside Media, Inc. All rights reserved.')
    assert find_site(split_lines(f"Menu\nThe Riverside Gazette\n{notice}"), None) == "The Riverside Gazette"


def test_a_dateline_beats_a_captions_date_and_a_labelled_update_is_no_publication() -> None:
    lead = ("The city council voted on Thursday to build a new crossing over the river, ending ten years of argument "
            "about where it should go and who should pay for it.")
    caption = "The old bridge over the river as it stood on June 28, 2015, before it was closed to heavy traffic."
    text = "\n".join(["Menu", "Council approves the new river crossing", "Author:", "Ann Lee", "Updated:",
                      "Mar 6, 2018", "Original:", "Dec 21, 2016", lead, caption, "Dec. 13, 2016, 12:31 PM UTC",
                      lead.replace("Thursday", "Friday"), lead.replace("ten", "twelve")])
    assert read_text(text).published == date(2016, 12, 21)
    text = "\n".join(["Menu", "Council approves the new river crossing", lead, caption,
                      "Dec. 13, 2016, 12:31 PM UTC", lead.replace("Thursday", "Friday"), lead.replace("ten", "twelve")])
    assert read_text(text).published == datetime(2016, 12, 13, 12, 31, tzinfo=timezone.utc)

STORY = [
    "The city council voted on Thursday to build a new crossing over the river, ending ten years of argument about "
    "where it should go and who should pay for it.",
    "Construction is due to start next spring and take three years, according to the planning department, which put "
    "the cost at 140 million euros.",
    "Opponents said the money would be better spent on repairing the old bridge, which has been closed to heavy "
    "traffic since 2019.",
]
PROMO_PASTE = """\
Work
Insights
Careers
Search
Get in touch

Rethinking the office? Join our editors on Thursday for a panel discussion on hybrid work, budgets and what to try first. Register now.
Leadership
Three ways to keep a team calm when the deadline moves
Great leaders set the temperature, especially when stress is high.
By Gina Lee
March 3, 2022

One of the best pieces of advice I have ever received is to be the thermostat, not the thermometer: a team under stress looks to its lead to learn how worried it should be.

When a deadline moves, say what changed, what stays the same and what you need from each person, and say it before the rumours do.

Keep the calm visible: a team that sees its lead plan the next step stops planning its escape.
"""


def test_a_headline_under_a_promo_that_opens_the_article_run_is_a_candidate() -> None:
    """The run opens with a promo sentence, over the section's name and the headline: the headline is weighed
    (the run's header lines, up to its second lead-sized paragraph, are candidates) and wins."""
    lines = split_lines(PROMO_PASTE)
    span = find_article_span(lines)
    assert span is not None and lines[span.start].text.startswith("Rethinking the office?")
    texts = [line.text for line, _ in candidates(lines, span.start, article_lines(lines, span))]
    assert "Three ways to keep a team calm when the deadline moves" in texts
    assert read_text(PROMO_PASTE).title == "Three ways to keep a team calm when the deadline moves"


def test_a_possible_glued_byline_leaves_both_forms_to_the_model() -> None:
    """"... Powered by Alexa Jones" reads like a headline with its author glued on, or a headline: the line is a
    candidate cut and whole, and the cut form is marked. A possessive is nobody's byline ("... Powered by Amazon's
    Alexa Assistant", fortune.com): that line is a candidate whole only."""
    def forms(headline: str) -> dict[str, float]:
        lines = split_lines(f"Home\nNews\n{headline}\n\n" + "\n\n".join(STORY))
        span = find_article_span(lines)
        assert span is not None
        return {line.text: vector["byline_cut"] for line, vector in candidates(lines, span.start, article_lines(lines, span))}

    head = "Six Gadgets That Work Best When Powered"
    named = forms(f"{head} by Alexa Jones")
    assert (named[f"{head} by Alexa Jones"], named[head]) == (0.0, 1.0)
    possessive = forms(f"{head} by Amazon’s Alexa Assistant")
    assert possessive[f"{head} by Amazon’s Alexa Assistant"] == 0.0
    assert head not in possessive


def test_a_subheading_in_the_run_does_not_take_away_the_headline_ending_with_it() -> None:
    """"Better Student Journalism" deeper in the run is no breadcrumb's last link: the headline that ends with
    it stays a candidate (a trail is cut only by a line over the article or at its top)."""
    text = "\n\n".join([
        "Sign in", "Next story",
        "The author chose to make this story unlisted, which means only people with a link can see it, so share it "
        "with care and only with the people you mean to read it.",
        "The Open Journalism Project: Better Student Journalism", "Share by email", "Open Journalism Project:",
        "Better Student Journalism", *STORY])
    lines = split_lines(text)
    span = find_article_span(lines)
    assert span is not None
    texts = [line.text for line, _ in candidates(lines, span.start, article_lines(lines, span))]
    assert "The Open Journalism Project: Better Student Journalism" in texts


def test_a_subheading_atop_the_run_does_not_take_away_the_headline_ending_with_it() -> None:
    """A short subheading among the run's first lines ("出国前后关注点大不同") repeats the end of the headline over
    the run ("海外留学生看两会：出国前后关注点大不同"): the headline is no breadcrumb trail, and stays a candidate."""
    text = "\n\n".join([
        "Home", "News", "Students abroad follow the sessions: What they care about changes after leaving",
        "March 10, 2017", "A student on holiday in Sydney, seen by the harbour on a sunny afternoon with her friends from the course",
        "What they care about changes after leaving", *STORY])
    lines = split_lines(text)
    span = find_article_span(lines)
    assert span is not None and span.start == 4
    texts = [line.text for line, _ in candidates(lines, span.start, article_lines(lines, span))]
    assert "What they care about changes after leaving" in texts
    assert "Students abroad follow the sessions: What they care about changes after leaving" in texts


def test_a_headline_and_its_deck_reach_their_date_through_the_header_and_a_teaser_does_not() -> None:
    """header_below: a date within a few lines under the line, past nothing longer than a deck."""
    lines = split_lines("\n".join([
        "Teaser: bridge plans go on show at the town hall", STORY[0] + " " + STORY[1],
        "Council approves the new river crossing",
        "The bridge will carry trams, bicycles and pedestrians, but no private cars",
        "By Ann Lee", "March 3, 2022", *STORY]))
    header = {line.index: dated_header_below(lines, line.index) for line in lines[:4]}
    assert header == {0: False, 1: True, 2: True, 3: True}  # the teaser's next line is a paragraph


def test_a_headline_over_its_deck_a_breadcrumbs_last_step_and_the_lines_past_the_header() -> None:
    """deck_under: a line with a longer deck right under it; trail_end: a breadcrumb ends with it; past_header:
    a line between the header's byline or date and the article (an author's blurb, a caption)."""
    lines = split_lines("\n".join([
        "Home > Local > Council approves the new river crossing",
        "Council approves the new river crossing",
        "The bridge will carry trams, bicycles and pedestrians, but no private cars.",
        "By Ann Lee", "Reporter covering the town hall", "March 3, 2022", *STORY]))
    start = find_article_span(lines).start
    assert [deck_under(lines, line) for line in lines[:3]] == [False, True, False]
    trails = breadcrumb_trails(lines)
    assert ends_trail(trails[0], lines[1].text) and not any(ends_trail(trail, lines[2].text) for trail in trails)
    assert header_start(lines, start) == 3  # "By Ann Lee": "Reporter covering the town hall" is past the header


def test_the_deck_under_a_headline_inside_the_article_run() -> None:
    """A promo sentence opens the run over the headline: the line under the headline, over its byline, is the deck."""
    promo = ("Want to hear about new stories first? Sign up for our daily letter, and we will send the best of the "
             "day to your inbox every morning.")
    deck = "The bridge will carry trams, bicycles and pedestrians, but no private cars, the council said."
    text = "\n".join([promo, "Local", "Council approves the new river crossing", deck, "Ann Lee", "March 3, 2022",
                      *STORY])
    lines = split_lines(text)
    span = find_article_span(lines)
    assert span is not None and span.start == 0  # the headline stands inside the run
    article = read_text(text)
    assert article.title == "Council approves the new river crossing"
    assert article.standfirst == deck and deck not in article.paragraphs


def test_a_line_listed_twice_outside_the_article_is_no_deck() -> None:
    """Under a headline that stands in a list of stories shown twice, the next story's headline is not the deck."""
    headline, other = "Council approves the new river crossing", "Ferry timetable changes as the summer season ends"
    text = "\n".join(["Latest", other, headline, "Latest in Local", other, headline, "Menu", headline,
                      "By Ann Lee", "March 3, 2022", *STORY])
    assert read_text(text).standfirst != other


def test_a_name_written_in_lower_case_only_as_an_address_is_no_common_word() -> None:
    assert not written_lower("Uproxx", split_lines("UPROXX\nuproxx.it\n@uproxx"))
    assert written_lower("Community", split_lines("Join the community today"))


def test_a_name_and_the_domain_that_spells_it_are_one_candidate_and_a_persons_mailbox_is_apart() -> None:
    lines = split_lines("UPROXX\nNews\nuproxx.com/news\nUPROXX Music\nWrite to ann@annlee.net\nAnn Lee\nAnn Lee")
    choices = dict(site_choices(lines, site_candidates(lines, None)))
    assert choices["UPROXX"]["address"] == 1.0 and "uproxx.com" not in choices
    assert "address" not in choices["Ann Lee"] and "annlee.net" in choices


def test_the_model_sees_a_parent_companys_word_a_brands_sections_and_a_bylines_date() -> None:
    lines = split_lines("Le Monde Afrique\nServices Le Monde\nLe Monde\nBy: Ann Lee on March 3, 2022\nAnn Lee\n"
                        "© 2022 Vox Media, LLC. All rights reserved.\n© ELECOM CO.,LTD.")
    choices = dict(site_choices(lines, site_candidates(lines, None)))
    # owners whose stem the page never writes alone: "Vox Media" a parent's, "ELECOM CO.,LTD." maybe the brand's
    assert choices["Vox"]["owner_group"] == 1.0 and choices["ELECOM"]["owner"] == 1.0
    assert not choices["ELECOM"].get("owner_group")
    assert choices["Le Monde"]["variants"] > choices["Ann Lee"]["variants"] == 0.0
    assert choices["Ann Lee"]["dated"] == 1.0 and choices["Ann Lee"]["byline"] == 1.0
    assert not choices["Vox"].get("dated")  # a copyright line's year is no byline's date


def test_a_headline_restated_in_fewer_words_under_it_is_the_full_form() -> None:
    """The headline, the star's name, the headline's short form; a label holding few of a line's words
    ("Opinion writer" under "Opinion writer reporting from a center-right perspective") restates nothing."""
    lines = split_lines("\n".join([
        "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!", "Lupita Nyong'o", "$150K Pearl Oscar Dress ... STOLEN!!!!",
        "Opinion writer reporting from a center-right perspective", "Opinion writer", "October 29, 2018"]))
    found = [restated_below(lines, line, content_tokens(line.text)) for line in lines]
    assert found == [True, False, False, False, False, False]


def test_words_most_pastes_hold_are_no_echo_of_the_lead() -> None:
    """"Sur vos écrans cette semaine" shares only "cette" and "semaine" with the lead: with them counted frequent,
    its rare echo is nil, while the plain echo stays."""
    lines = split_lines("Sur vos écrans cette semaine\nA story")
    lead = frozenset({"cette", "semaine", "documentaire", "écrans"})
    tokens = content_tokens(lines[0].text)
    plain = features(lines, lines[0], 1, lead, lead, tokens, [], {}, frequent=frozenset())
    rare = features(lines, lines[0], 1, lead, lead, tokens, [], {}, frequent=frozenset({"cette", "semaine", "écrans"}))
    assert plain["overlap_rare"] == plain["overlap"] > 0 and rare["overlap_rare"] == rare["overlap_first_rare"] == 0
    assert rare["overlap"] == plain["overlap"]


def test_a_name_glued_to_its_outlet_over_the_date_is_the_byline_not_the_header_s_headline() -> None:
    """over_header: "Ann Marie Lee,TIME" (or "Ann Lee/") right over the date is the author, so the headline over
    it is the header's; a Title Case headline over a date ("On Recent Controversial Events") stays one."""
    lines = split_lines("\n".join([
        "Council approves the new river crossing", "Ann Marie Lee,TIME", "Updated: March 3, 2022 2:57 PM UTC",
        *STORY]))
    start = find_article_span(lines).start
    assert name_over_date(lines, lines[1]) and not name_over_date(lines, lines[0])
    assert headed_lines(lines, start, header_start(lines, start))[0] == 0
    slash = split_lines("Ann Lee/\nNovember 28, 2016\nOn Recent Controversial Events\nTuesday 15 October 2019")
    assert [name_over_date(slash, line) for line in slash] == [True, False, False, False]


def test_a_headline_written_as_a_sentence_opening_the_run_is_weighed_and_a_name_over_the_date_is_not() -> None:
    """newrepublic: "Alex Shephard/" over the date, then the headline as a sentence, a photo's credit and the
    story. The sentence is a candidate (a statement of a headline's length opening the run under a date); the
    name is none (`name_over_date`: a byline); a longer statement, or one under no date, is the lead, no candidate."""
    headline = "Maybe the new river crossing is more than just a bridge for the town."

    def candidate_texts(*texts: str) -> tuple[str, list[str]]:
        lines = split_lines("\n".join(texts))
        span = find_article_span(lines)
        assert span is not None
        return lines[span.start].text, [line.text for line, _ in candidates(lines, span.start, article_lines(lines, span))]

    opening, texts = candidate_texts("The Riverside Gazette", "Ann Lee/", "November 28, 2016", headline, "Jane Roe/Getty",
                                     *STORY)
    assert opening == headline and headline in texts and "Ann Lee/" not in texts
    opening, texts = candidate_texts("The Riverside Gazette", "November 28, 2016", *STORY)
    assert opening == STORY[0] and STORY[0] not in texts
    opening, texts = candidate_texts("The Riverside Gazette", "Local news", headline, *STORY)
    assert opening == headline and headline not in texts
