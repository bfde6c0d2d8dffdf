"""The summary: whole sentences from the standfirst and lead, in the article's own words, within limits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Article, DigestOptions
from digest.summary import summarize

OPTIONS = DigestOptions()

# The article paragraphs of tests/fixtures/rt-pentagon-pasted.txt, with the photo caption and the teasers
# a reader may leave in, as they stand in the page.
RT_STANDFIRST = (
    "The US military said Russian forces cleared out of the Kiev region in what Moscow called a “good faith” measure"
)
RT_PARAGRAPHS = (
    "FILE PHOTO: Russian soldiers greet each other near Chernihiv, Ukraine, March 29, 2022. © Sputnik / Russian Defense MInistry",
    "Russian soldiers have “completely” vacated areas around the Ukrainian capital, Kiev and another city nearby, the "
    "Pentagon has said, following a pledge from the Kremlin to “drastically” reduce military activity in the region as "
    "negotiators attempt to bring an end to the fighting.",
    "The Pentagon has observed a full withdrawal from the formerly besieged areas, a senior military official told "
    "reporters on Wednesday during a background briefing.",
    "“We would assess that Russian forces near Kiev and Chernigov have completed their withdrawal from the area to "
    "re-consolidate and refit in Belarus and in Russia,” they said, adding, “We are not showing Russian forces in or "
    "around Kiev or to the north [of] Kiev, and we’re not showing Russian forces in or around Chernigov.”",
    "Russia claims ‘first stage’ of Ukraine offensive complete READ MORE: Russia claims ‘first stage’ of Ukraine offensive complete",
    "The statement comes after Russia declared plans to significantly pull back its forces in the two cities late last "
    "month, saying it would be a show of good faith as peace talks brokered by Turkey inch forward.",
    "READ MORE: West working to disrupt Ukraine peace talks – Russia",
)


def article(*paragraphs: str, standfirst: str | None = None) -> Article:
    return Article(title="A title", paragraphs=paragraphs, standfirst=standfirst)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_rt_summary_is_the_deck_then_the_lead_without_caption_or_teasers() -> None:
    """The standfirst has no full stop: it keeps a line of its own, and the lead follows (issue 2's fixture)."""
    summary = summarize(article(*RT_PARAGRAPHS, standfirst=RT_STANDFIRST), options=OPTIONS, language="en")
    assert summary == squash(RT_STANDFIRST) + "\n" + squash(RT_PARAGRAPHS[1])
    for banned in ("FILE PHOTO", "©", "READ MORE", "icon"):
        assert banned not in summary


def test_without_its_deck_the_rt_summary_is_the_lead() -> None:
    summary = summarize(article(*RT_PARAGRAPHS), options=OPTIONS, language="en")
    assert summary == squash(RT_PARAGRAPHS[1] + " " + RT_PARAGRAPHS[2])


def test_a_deck_is_left_out_when_no_lead_sentence_fits_after_it() -> None:
    deck = "Harbour reopens to ferries and fishing boats after three months of repairs to the old sea wall"
    lead = "The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said."
    tight = DigestOptions(summary_max_sentences=3, summary_max_chars=len(lead) + 10)
    assert summarize(article(lead, standfirst=deck), options=tight, language="en") == lead


def test_a_standfirst_that_reads_as_a_sentence_comes_first() -> None:
    standfirst = "The US military said Russian forces cleared out of the Kiev region."
    summary = summarize(article(*RT_PARAGRAPHS, standfirst=standfirst), options=OPTIONS, language="en")
    assert summary.startswith(standfirst + " Russian soldiers have “completely” vacated")


def test_near_duplicate_of_the_standfirst_is_skipped() -> None:
    standfirst = "Russian troops have left the areas around Kiev, the Pentagon said on Wednesday."
    lead = "Russian troops have left the areas around Kiev, the Pentagon said. Peace talks continue in Istanbul this week."
    summary = summarize(article(lead, standfirst=standfirst), options=OPTIONS, language="en")
    assert summary == standfirst + " Peace talks continue in Istanbul this week."


def test_dateline_prefix_is_dropped() -> None:
    lead = "KYIV, April 7 (Reuters) - Russian forces have left the north of Ukraine, officials said on Thursday."
    summary = summarize(article(lead), options=OPTIONS, language="en")
    assert summary == "Russian forces have left the north of Ukraine, officials said on Thursday."
    lead = "WASHINGTON (AP) — The Senate passed the bill late on Tuesday after a long debate."
    assert summarize(article(lead), options=OPTIONS, language="en").startswith("The Senate passed")


def test_captions_bylines_teasers_and_dates_are_not_summary() -> None:
    summary = summarize(
        article(
            "By Maria Lopez and John Smith",
            "7 Apr, 2022 07:02",
            "Photo: Getty Images",
            "Read more: Why the harbour closed last winter.",
            "Sign up for our newsletter to get the news first.",
            "The harbour will reopen on Monday after three months of repairs, the port authority said.",
        ),
        options=OPTIONS,
        language="en",
    )
    assert summary == "The harbour will reopen on Monday after three months of repairs, the port authority said."


def test_the_summary_stops_at_a_section_heading() -> None:
    summary = summarize(
        article(
            "The harbour will reopen on Monday after three months of repairs.",
            "What happens next",
            "Ferries will run a reduced timetable for the first week of service.",
        ),
        options=OPTIONS,
        language="en",
    )
    assert summary == "The harbour will reopen on Monday after three months of repairs."


def test_limits_on_sentences_and_characters() -> None:
    sentences = [f"Sentence number {n} tells the reader one more useful thing." for n in range(1, 8)]
    text = " ".join(sentences)
    assert summarize(article(text), options=DigestOptions(summary_max_sentences=2), language="en") == " ".join(sentences[:2])
    short = DigestOptions(summary_max_chars=len(sentences[0]) + 10)
    assert summarize(article(text), options=short, language="en") == sentences[0]


def test_a_first_sentence_too_long_gives_way_to_the_next_that_fits() -> None:
    long_first = "This opening sentence goes on and on, " + "clause after clause, " * 30 + "until it finally ends."
    summary = summarize(article(long_first + " The second sentence is short enough."), options=OPTIONS, language="en")
    assert summary == "The second sentence is short enough."


def test_last_resort_cuts_at_a_clause_with_an_ellipsis() -> None:
    only = "This opening sentence goes on and on, " + "clause after clause, " * 30 + "until it finally ends."
    summary = summarize(article(only), options=OPTIONS, language="en")
    assert summary.endswith("clause after clause…")
    assert len(summary) <= OPTIONS.summary_max_chars
    assert only.startswith(summary[:-1])


def test_no_sentence_at_all_gives_an_empty_summary() -> None:
    assert summarize(article("Top stories", "Podcasts"), options=OPTIONS, language="en") == ""


def test_chinese_sentences_are_joined_as_written() -> None:
    paragraph = "研究人员发现，宇航员在太空中饮酒会有风险。这让人感到巨大压力和极度恐慌。"
    assert summarize(article(paragraph), options=OPTIONS, language="zh") == paragraph


def test_russian_and_german_leads() -> None:
    ru = "Президент России Владимир Путин провёл совещание в Кремле. Об этом сообщила пресс-служба. Подробности позже."
    assert summarize(article(ru), options=OPTIONS, language="ru") == ru
    de = "Der Bundestag hat am 7. April über das Gesetz abgestimmt. Die Mehrheit war knapp. Die Opposition protestierte."
    assert summarize(article(de), options=OPTIONS, language="de") == de


WORDS = st.sampled_from(["harbour", "Mr.", "ferry", "U.S.", "said", "“Yes,”", "the", "3.5", "repairs", "(AP)", "—", "Kiev"])
SENTENCE = st.builds(
    lambda first, words, end: " ".join([first, *words]) + end,
    st.sampled_from(["The", "A", "Officials", "Ships", "«Oui»"]),
    st.lists(WORDS, min_size=2, max_size=40),
    st.sampled_from([".", "!", "?", ".”", ""]),
)


@settings(max_examples=150, deadline=None)
@given(
    sentences=st.lists(SENTENCE, min_size=1, max_size=8),
    max_sentences=st.integers(min_value=1, max_value=4),
    max_chars=st.integers(min_value=40, max_value=600),
)
def test_summary_is_within_limits_and_verbatim(sentences: list[str], max_sentences: int, max_chars: int) -> None:
    """One paragraph: the summary is one stretch of it (or, as the last resort, a stretch and an ellipsis)."""
    paragraph = " ".join(sentences)
    options = DigestOptions(summary_max_sentences=max_sentences, summary_max_chars=max_chars)
    summary = summarize(article(paragraph), options=options, language="en")
    assert len(summary) <= max_chars
    stretch = summary[:-1] if summary.endswith("…") else summary
    assert squash(stretch) in squash(paragraph)


def test_a_heading_above_the_body_does_not_cut_the_standfirst_off() -> None:
    standfirst = "The harbour reopens on Monday after three months of repairs."
    summary = summarize(
        article("Harbour to reopen", "Ferries will run a reduced timetable for the first week.", standfirst=standfirst),
        options=OPTIONS,
        language="en",
    )
    assert summary == standfirst + " Ferries will run a reduced timetable for the first week."


def test_bracketed_asides_are_not_summary() -> None:
    summary = summarize(
        article(
            "The city’s aging infrastructure is tough to maintain in winter.",
            "[What you need to know to start the day: Get New York Today in your inbox.]",
            "Crews replaced forty miles of cable last year, the utility said.",
        ),
        options=OPTIONS,
        language="en",
    )
    assert summary == (
        "The city’s aging infrastructure is tough to maintain in winter. "
        "Crews replaced forty miles of cable last year, the utility said."
    )


def test_a_sentence_inside_a_longer_quotation_is_not_whole() -> None:
    paragraph = (
        "The coach said he had made a mistake in 2012 by taking the trophy to the former president. "
        "“In 2012 I got it wrong. He was not president then. I sent my congratulations. I was wrong. "
        "It was a personal matter,” he told the programme."
    )
    summary = summarize(article(paragraph), options=OPTIONS, language="en")
    assert summary == "The coach said he had made a mistake in 2012 by taking the trophy to the former president."


def test_a_run_stops_where_a_quotation_runs_over_paragraphs() -> None:
    summary = summarize(
        article(
            "Eloise Parry, 21, was taken to hospital on 12 April after taking a lethal dose of slimming tablets.",
            "“As Eloise deteriorated, the staff did all they could to stabilise her. It was not enough.",
            "“She was literally burning up from within,” her mother said.",
        ),
        options=OPTIONS,
        language="en",
    )
    assert summary == "Eloise Parry, 21, was taken to hospital on 12 April after taking a lethal dose of slimming tablets."


def test_a_lead_that_starts_with_by_is_no_byline() -> None:
    lead = "By the end of the year, the harbour will have new cranes and a longer pier for ferries."
    assert summarize(article("By Maria Lopez", lead), options=OPTIONS, language="en") == lead


def test_a_german_sentence_full_of_nouns_is_no_headline() -> None:
    lead = "Die Bundesregierung Deutschlands plant Steuererhöhungen für Unternehmen."
    assert summarize(article(lead), options=OPTIONS, language="de") == lead


def test_a_decks_short_first_sentence_still_opens_the_summary() -> None:
    standfirst = "The court defers. Former players can now be paid for their injuries."
    summary = summarize(article(*RT_PARAGRAPHS, standfirst=standfirst), options=OPTIONS, language="en")
    assert summary.startswith(standfirst)


LEAD = "The harbour reopened on Tuesday after a week of repairs to the sea wall, the port authority said."


@pytest.mark.parametrize(
    "furniture",
    [
        "Then-nominee Maria Lopez speaks at a rally on Sept. 28 in Waukesha, Wisconsin.",  # a photo caption
        "A harbour pilot, center, passes a ferry on the river near the new sea wall.",  # a position in the picture
        "Dylann Roof is escorted from the police department in Shelby on June 18, 2015.",
        "Start your day with the Opening Bell, our newsletter on what moves the markets.",  # a newsletter promo
        "Space is supported by its audience. When you purchase through links on our site, we may earn an affiliate "
        "commission.",
        "Welcome to the Daily Deals, where we gather the best offers for you every morning.",
        "Unfortunately, this video is not available in your region.",  # a site notice
        "This article is about the country. For other uses, see New Zealand (disambiguation).",  # a hatnote
        "Kristi NoemKristi Lynn Noem is the governor of South Dakota and a candidate this year.",  # hover text
        "For matrices with symmetry over the real number field, see symmetric matrix.",  # a hatnote
        "As a subscriber, you have 10 gift articles to give each month. Anyone can read what you share.",
        # a caption with its credit glued on, as a paste joins the two elements
        "A worker repairing underground cables this month in Flushing, Queens.CreditCreditMaria Lopez/The Harbour Times",
        "A man splayed out next to a street after he was shot on Monday morning.Credit...Ed Murray/Harbour Media",
        "2017-03-10 09:58:03来源：网易科学人作者：责任编辑：肖春芳",  # labelled page data
        # the site talking about itself: how it is paid for, its channels, its events
        "Things you buy through our links may earn Harbour Times a commission.",
        "The Harbour Times may earn a portion of sales from products that are purchased through our site.",
        "The Gazette is reader-supported. Please support our journalism with a gift today.",
        "Follow us on Twitter for the latest news from the harbour and the islands.",
        "Join Harbourlight on 10/20 for a panel discussion on the future of the quay. RSVP.",
        # notices of the article's age or publishing history
        "This article is more than 5 years old.",
        "Published February 24, 2020Last updated July 21, 2022This article is more than 2 years old.",  # glued on
        "First published on March 3, 2021, at 9:00 a.m.",
        "This story was originally published by the Harbour Gazette and is republished with permission.",
        "We're no longer maintaining this page.",
        "Please note that this article, published in 2017, may contain information that is out of date.",
        "Prenez note que cet article publié en 2017 pourrait contenir des informations qui ne sont plus à jour.",
        # Amazon's affiliate disclosure, and notices about the reader's browser
        "We are a participant in the Amazon Services LLC Associates Program, an affiliate advertising program "
        "designed to provide a means for us to earn fees by linking to Amazon.com and affiliated sites.",
        "The Harbour Times has affiliate relationships with certain retailers and may receive a small percentage of "
        "any sale.",
        "Looks like you're using the new site on an old browser. Please update your browser.",
        "图为马素湘在澳大利亚悉尼游玩时的近影。",  # a Chinese caption: "pictured: ..."
    ],
)
def test_page_furniture_is_never_summary(furniture: str) -> None:
    summary = summarize(article(furniture, LEAD), options=OPTIONS, language="en")
    assert summary == LEAD


@pytest.mark.parametrize(
    "sentence",
    [
        "Peace talks continue in Istanbul this week, officials from both sides said on Monday.",  # "talks" a noun
        "The company that delivers you wireless service may not carry the same name by the time 2017 is over.",
        "Critics of the #deleteFacebook campaign say the NeverTrump wing of the party sees it differently.",
        "For the first time in years, see-through plastics were banned from the harbour market.",
        "The rule: nobody leaves the harbour after dark. The reason: the sea wall is still open.",
        "The bank said Credit Suisse would take over the harbour loans by the end of the year.",
        "First published in 1851, the Harbour Gazette is the oldest newspaper on the coast.",
        "This story is more complicated than the port authority admits, the fishermen say.",
        "Ticket sellers at the quay may keep part of the fare as their pay, the authority said.",
        "Inspectors said the harbour register may contain outdated records of who owns the boats.",
        "Officers found cash, cards and a skimming device in the car... and then they found more.",
        "Fishermen on the quay update their browsers less often than their nets, the survey found.",
    ],
)
def test_prose_that_resembles_furniture_stays(sentence: str) -> None:
    assert summarize(article(sentence, LEAD), options=OPTIONS, language="en").startswith(sentence)


def test_an_article_without_prose_is_summarised_by_its_own_description() -> None:
    article = Article(title="Keynote: the harbour of tomorrow", paragraphs=("Watch later", "Share"),
                      description="The harbour master explains the new quay. Ships dock again from Monday.")
    assert summarize(article, options=OPTIONS) == (
        "The harbour master explains the new quay. Ships dock again from Monday.")
    prose = Article(title="t", paragraphs=("The quay reopened on Monday after three months of repairs.",),
                    description="A description the page gives of itself, for search engines.")
    assert summarize(prose, options=OPTIONS) == "The quay reopened on Monday after three months of repairs."


HARBOUR_LEAD = (
    "The port authority reopened the harbour on Tuesday after a week of repairs to the sea wall, which the storm "
    "of last month had breached in two places.",
    "Ferries to the islands run on the old timetable again, the authority said, and fishing boats may use the "
    "inner basin from Friday.",
)


def test_the_pages_description_opens_the_summary_when_an_editor_wrote_it_for_the_article() -> None:
    dek = "Ferries run again and fishing boats return as the repaired harbour reopens after the storm."
    page = Article(title="t", paragraphs=HARBOUR_LEAD, description=dek)
    assert summarize(page, options=OPTIONS) == " ".join((dek, *HARBOUR_LEAD))
    marked = Article(title="t", paragraphs=HARBOUR_LEAD, description=dek, standfirst="The storm is over.")
    assert dek not in summarize(marked, options=OPTIONS)  # a standfirst the page marks comes first


@pytest.mark.parametrize(
    "description",
    [
        "The website of the Harbour Gazette: news, ferries, fishing, weather and more.",  # the site's, not the article's
        "PHP/HTML5/CSS3/JavaScript/CSS等の最新技術情報をお届け",  # nothing of the article's
        "The storm breached the sea wall. Despite the repairs, ferries and fishing boats waited for",  # cut off
        "Ferries run again and fishing boats return as the repaired harbour reopens...",
        "The port authority reopened the harbour on Tuesday after a week of repairs",  # the lead, copied
    ],
)
def test_a_description_that_is_no_standfirst_for_the_article_stays_out(description: str) -> None:
    page = Article(title="t", paragraphs=HARBOUR_LEAD, description=description)
    assert summarize(page, options=OPTIONS) == " ".join(HARBOUR_LEAD)


def test_a_notice_of_the_articles_age_is_no_deck() -> None:
    """"This article is more than 5 years old" sits where a deck does, with no full stop: it is not one."""
    summary = summarize(article(LEAD, standfirst="This article is more than 5 years old"), options=OPTIONS,
                        language="en")
    assert summary == LEAD


DEK = "Ferries run again and fishing boats return as the repaired harbour reopens after the storm."


def test_a_standfirst_that_is_only_a_label_gives_way_to_the_description() -> None:
    """A kicker or section line found under the headline ("Tensions in the harbour") is no standfirst: the
    page's description, written for the article, opens the summary instead."""
    page = Article(title="t", paragraphs=HARBOUR_LEAD, description=DEK, standfirst="Tensions in the harbour")
    assert summarize(page, options=OPTIONS).startswith(DEK)


def test_a_deck_of_several_words_is_kept_over_the_description() -> None:
    deck = "Why the fishermen of the old port cheered this week"
    page = Article(title="t", paragraphs=HARBOUR_LEAD, description=DEK, standfirst=deck)
    assert summarize(page, options=OPTIONS).startswith(deck + "\n")


def test_a_label_stays_out_of_the_summary_when_the_page_has_no_description() -> None:
    page = Article(title="t", paragraphs=HARBOUR_LEAD, standfirst="Tensions in the harbour")
    assert summarize(page, options=OPTIONS) == " ".join(HARBOUR_LEAD)


def test_a_description_copied_from_further_down_the_article_opens_the_summary() -> None:
    """The editor chose a sentence of the article as its summary: the article's own words, so it is used."""
    later = "The repairs cost four million euros and were paid for by the regional government in full."
    filler = tuple(f"Paragraph {n} of the report tells how the fishermen waited for the harbour to reopen."
                   for n in range(5))
    page = Article(title="t", paragraphs=(*HARBOUR_LEAD, *filler, later), description=later)
    assert summarize(page, options=OPTIONS).startswith(later + " " + HARBOUR_LEAD[0])


def test_the_paragraph_after_an_images_file_name_is_its_caption() -> None:
    paragraphs = ("skimming scheme seized cash and cards.jpg",
                  "Cash and cards seized during the arrest of two suspects in Baldwin County on Wednesday.", LEAD)
    assert summarize(article(*paragraphs), options=OPTIONS, language="en") == LEAD


def test_a_dateline_remnant_does_not_open_the_summary() -> None:
    summary = summarize(article("&#151; -- " + LEAD), options=OPTIONS, language="en")
    assert summary == LEAD


@pytest.mark.parametrize("teaser", ["子どもたちは絵本が大好きで、毎晩のように読み聞かせ…",
                                    "The harbour authority said on Monday that the new sea wall would…"])
def test_a_teaser_cut_by_an_ellipsis_is_not_a_whole_sentence(teaser: str) -> None:
    assert summarize(article(teaser, LEAD), options=OPTIONS, language="en") == LEAD


def test_a_japanese_sentence_quoting_an_english_title_is_no_headline() -> None:
    lead = ("Check Point Software Technologiesは2月20日(米国時間)、「Extracting a 19 Year Old Code Execution from "
            "WinRAR - Check Point Research」において、WinRARに長年にわたって脆弱性が存在していると伝えた。")
    assert summarize(article(lead), options=OPTIONS, language="ja").startswith(lead)
