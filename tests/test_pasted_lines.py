"""Pasted lines that are not the article's, and headlines glued to what stands beside them
(digest.pasted.junk, digest.pasted.reader, digest.pasted.headline)."""

from __future__ import annotations

from digest.pasted.junk import is_comments_heading, is_credit, is_relative_time
from digest.pasted.lines import split_lines
from digest.pasted.headline import HEADLINE_MAX_WORDS, could_be_headline, headline_forms
from digest.pasted.headline_model import good_length
from digest.pasted.reader import read_text

LEAD = ("The International Monetary Fund cut its forecast for global growth next year, saying the war in Ukraine "
        "and rising interest rates would weigh on the economy of nearly every region it watches.")
BODY = [
    "The fund now expects the world economy to grow 2.7 per cent in 2023, down from the 2.9 per cent it forecast "
    "in July, and it warned that the risks to that forecast lean to the downside.",
    "Its chief economist said that more than a third of the world economy would contract this year or next, and "
    "that the three largest economies would keep stalling for a while yet.",
    "Inflation is expected to peak late this year, the fund said, but to stay above central banks' targets "
    "well into 2024 in most of the countries it follows.",
    "The fund urged governments to keep their support for households narrow and temporary, so that it would not "
    "work against central banks that are raising rates to bring prices back under control.",
    "Emerging economies face the hardest choices, it said, as a strong dollar raises the cost of their debts and "
    "of the food and fuel they import, while investors pull money out of their markets.",
]
BREADCRUMB_PASTE = "\n".join([
    "Skip to content", "Investment Executive", "News", "Research and Markets", "Subscribe",
    "IMF dims outlook for 2023 global economy amid Ukraine war", "", "Share", "",
    "Home News Research and Markets IMF dims outlook for 2023 global economy amid Ukraine war",
    "IMF dims outlook for 2023 global economy amid Ukraine war",
    "By The Canadian Press | October 11, 2022 09:12", "",
    LEAD, "", *[line for paragraph in BODY for line in (paragraph, "")],
])


def test_a_breadcrumb_trail_ending_in_the_headline_is_not_the_headline() -> None:
    article = read_text(BREADCRUMB_PASTE)
    assert article.title == "IMF dims outlook for 2023 global economy amid Ukraine war"


def test_a_captions_closing_credit_marks_it_as_no_headline_and_no_paragraph() -> None:
    caption = ("Fund economists are seen at the agency's headquarters in Washington, D.C., on October 10, 2022. "
               "Jane Roe/AP hide caption")
    assert is_credit(split_lines(caption)[0])
    assert is_credit(split_lines("A trader at the exchange on Monday. (Dustin Franz/AFP/Getty Images)")[0])
    assert not is_credit(split_lines("The protocol still runs over TCP/IP")[0])
    paste = "\n\n".join(["IMF dims outlook for 2023 global economy amid Ukraine war", "October 11, 2022",
                         caption, LEAD, *BODY])
    article = read_text(paste)
    assert article.title == "IMF dims outlook for 2023 global economy amid Ukraine war"
    assert all("hide caption" not in paragraph for paragraph in article.paragraphs)


def test_an_icon_name_glued_to_a_date_does_not_continue_the_headline_line() -> None:
    lines = split_lines("気軽に新聞をスクラップできる「ペン」、CUTPEN\naccess_time2019/04/21 11:51 createNeoL folder生活・趣味")
    assert [line.text for line in lines][0] == "気軽に新聞をスクラップできる「ペン」、CUTPEN"
    assert len(split_lines("the paragraph wraps here before it\ncontinues in lower case on the next line")) == 1


def test_a_japanese_menu_label_is_too_short_for_a_headline_and_a_headline_is_not() -> None:
    label, headline, english = split_lines("ニュースリリース一覧へ\n指紋認証でWindows 10にサインインできるマウスを発売\nJury finds him guilty")
    assert not good_length(label) and good_length(headline) and good_length(english)


def test_comments_under_headings_and_ages_are_not_the_article() -> None:
    for heading in ("[ 234 comments ]", "Top Rated Comments", "361 48 Comments", "Show all comments (12)"):
        assert is_comments_heading(split_lines(heading)[0]), heading
    assert is_relative_time(split_lines("73 months ago")[0]) and is_relative_time(split_lines("· 4 yr. ago")[0])
    assert not is_relative_time(split_lines("It happened 73 months ago, they said.")[0])
    comments = []
    for name, text in (("jyen", "Let me guess, the forecast will be cut again next spring and nobody will notice it."),
                       ("Return Zero", "The fund says this every October and every October the markets shrug it "
                                       "off, then they all act surprised by January."),
                       ("Appleaker", "Hopefully the central banks are listening this time, because the last two "
                                     "years went badly for savers and borrowers alike.")):
        comments += [name, "73 months ago", text, "Score: 97 Votes (Like | Disagree)"]
    paste = "\n".join(["IMF dims outlook for 2023 global economy amid Ukraine war", "October 11, 2022", "",
                       LEAD, "", *BODY, "", *comments])
    article = read_text(paste)
    assert article.paragraphs[-1] == BODY[-1]


def test_a_lower_case_headline_does_not_continue_the_last_menu_label() -> None:
    lines = split_lines("Podcast\nProjects\nTalks\nContact\ncron.weekly issue #130: Github, keycloak, proc, redis6, cron & more")
    assert lines[-1].text == "cron.weekly issue #130: Github, keycloak, proc, redis6, cron & more"
    wrapped = split_lines("2 hurt as Porter flight evades mid-air object\nCanadian Press On MSN\nTemper your\n"
                          "enthusiasm for the new Sega Genesis")
    assert wrapped[-1].text == "Temper your enthusiasm for the new Sega Genesis"


def test_a_cjk_headline_is_judged_by_its_characters_and_a_cjk_paragraph_is_not_a_headline() -> None:
    headline, paragraph = split_lines(
        "インテル、1Uで容量1ペタバイトのSSD「Intel SSD D5-P4326」発売。QLC（1セルあたり4ビット）と64層の3D NAND技術を用いて大容量SSDを実現\n"
        "米インテルは4月2日、イベントを開催。データセンター向けに1Uラックあたり1ペタバイトの容量を持つSSD「Intel SSD D5-P4326」を発表しました。")
    assert headline.words > HEADLINE_MAX_WORDS and could_be_headline(headline)
    assert paragraph.words > HEADLINE_MAX_WORDS and not could_be_headline(paragraph)


def test_a_byline_by_glued_on_is_cut_when_the_names_stand_below() -> None:
    lines = split_lines("U.S. Stocks Rise to Records, Bonds Gain on ECB Stimulus Optimism by\nJeremy Herron\n"
                        "US & Canada is sponsored by\nUS & Canada is sponsored by\nAcme Widgets Ltd.")
    assert [form.text for form in headline_forms(lines, lines[0])] == [
        "U.S. Stocks Rise to Records, Bonds Gain on ECB Stimulus Optimism", lines[0].text]
    assert [form.text for form in headline_forms(lines, lines[2])] == [lines[2].text]

