"""Key quotes: verbatim, ranked, attributed to who the text says (and to nobody when it does not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.model import Quote
from digest.quotes import find_quotes
from digest.quotes.finder import candidates_in

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"

# The article paragraphs of tests/fixtures/rt-pentagon-pasted.txt (without the page's junk).
RT_PARAGRAPHS = (
    "Russian soldiers have “completely” vacated areas around the Ukrainian capital, Kiev and another city nearby, the "
    "Pentagon has said, following a pledge from the Kremlin to “drastically” reduce military activity in the region as "
    "negotiators attempt to bring an end to the fighting.",
    "The Pentagon has observed a full withdrawal from the formerly besieged areas, a senior military official told "
    "reporters on Wednesday during a background briefing.",
    "“We would assess that Russian forces near Kiev and Chernigov have completed their withdrawal from the area to "
    "re-consolidate and refit in Belarus and in Russia,” they said, adding, “We are not showing Russian forces in or "
    "around Kiev or to the north [of] Kiev, and we’re not showing Russian forces in or around Chernigov.”",
    "The statement comes after Russia declared plans to significantly pull back its forces in the two cities late last "
    "month, saying it would be a show of good faith as peace talks brokered by Turkey inch forward. Days prior, the "
    "Russian military noted that it had achieved its main goals in the area and would shift the focus to the "
    "“liberation” of the Donbass regions in the east, which declared secession from the government in Kiev in 2014 and "
    "have since been recognized as independent by Moscow.",
    "The withdrawal has been marred by controversy, with Ukrainian officials alleging that hundreds of civilians were "
    "killed in the town of Bucha on the outskirts of Kiev before Russian soldiers left the area. Though Moscow has "
    "unequivocally denied the charge and requested a United Nations Security Council meeting to address the matter, "
    "Washington and some Western allies have taken Kiev’s side, with US President Joe Biden suggesting Russia may be "
    "responsible for “war crimes.”",
    "Despite the accusations, Ukrainian President Volodymyr Zelensky has insisted that his country would continue "
    "negotiations with Moscow, saying “Ukraine must find peace” after repeatedly expressing interest in direct talks "
    "with his Russian counterpart, Vladimir Putin.",
)


def speakers_of(paragraphs: list[str] | tuple[str, ...], language: str | None = "en", max_quotes: int = 10) -> dict[str, str | None]:
    """Quote text -> speaker, for asserting on both at once."""
    return {q.text: q.speaker for q in find_quotes(paragraphs, language=language, max_quotes=max_quotes)}


def only_speaker(paragraph: str, language: str | None = None) -> str | None:
    quotes = find_quotes([paragraph], language=language, max_quotes=3)
    assert len(quotes) == 1, quotes
    return quotes[0].speaker


def test_rt_quotes_and_speakers() -> None:
    quotes = find_quotes(RT_PARAGRAPHS, language="en", max_quotes=3)
    assert quotes == (
        Quote(text="Ukraine must find peace", speaker="Volodymyr Zelensky"),
        Quote(
            text="We would assess that Russian forces near Kiev and Chernigov have completed their withdrawal from "
            "the area to re-consolidate and refit in Belarus and in Russia",
            speaker="a senior military official",
        ),
        Quote(
            text="We are not showing Russian forces in or around Kiev or to the north [of] Kiev, and we’re not "
            "showing Russian forces in or around Chernigov.",
            speaker="a senior military official",
        ),
    )


def test_scare_quotes_are_not_key_quotes() -> None:
    texts = set(speakers_of(RT_PARAGRAPHS))
    for scare in ("completely", "drastically", "liberation", "war crimes."):
        assert scare not in texts


def test_max_quotes_keeps_the_best() -> None:
    quotes = find_quotes(RT_PARAGRAPHS, language="en", max_quotes=1)
    assert quotes == (Quote(text="Ukraine must find peace", speaker="Volodymyr Zelensky"),)


def test_quotes_are_verbatim_slices_of_the_body() -> None:
    for quote in find_quotes(RT_PARAGRAPHS, language="en", max_quotes=10):
        assert any(quote.text in paragraph for paragraph in RT_PARAGRAPHS)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“The harbour will reopen on Monday after the repairs,” said Maria Lopez, the harbour master.", "Maria Lopez"),
        ("“The harbour will reopen on Monday after the repairs,” Maria Lopez, the harbour master, said.", "Maria Lopez"),
        ("Maria Lopez told reporters: “The harbour will reopen on Monday after the repairs.”", "Maria Lopez"),
        ("According to Maria Lopez, “the harbour will reopen on Monday after the repairs.”", "Maria Lopez"),
        ("“The harbour will reopen on Monday after the repairs,” according to a spokesman for the port.",
         "a spokesman for the port"),
        ("“The harbour will reopen on Monday after the repairs,” said a port official on Wednesday.", "a port official"),
        ("“The harbour will reopen on Monday after the repairs,” the Kremlin said.", "the Kremlin"),
        ("“The harbour will reopen on Monday after the repairs,” said Senator Mark Warner, a Virginia Democrat.", "Mark Warner"),
        ("“The harbour will reopen on Monday after the repairs,” said chief inspector Jennifer Mattinson.", "Jennifer Mattinson"),
        ("“The harbour will reopen on Monday after the repairs,” said Mr. John Smith.", "John Smith"),
        ("“The harbour will reopen on Monday after the repairs,” her mother, Fiona, said.", "Fiona"),
        ('"The harbour will reopen on Monday after the repairs," says Katie Allen, MD, PhD.', "Katie Allen"),
        ("In Maria Lopez's words, “the harbour will reopen on Monday after the repairs.”", "Maria Lopez"),
        ("Maria Lopez, the harbour master, shared her view on the plan: “The harbour will reopen on Monday.”",
         "Maria Lopez"),
        ("Spain went ahead, with Prime Minister Ana Ruiz proclaiming, “The harbour will reopen on Monday.”", "Ana Ruiz"),
        ("Here is the plan in full: “The harbour will reopen on Monday after the repairs.”", None),
        ("“The harbour will reopen on Monday after the repairs,” said I, hurriedly.", None),
        ("“The harbour will reopen on Monday after the repairs.”", None),
        ("“The harbour will reopen on Monday after the repairs,” he said.", None),  # nobody named before: no guess
    ],
)
def test_english_attribution(paragraph: str, speaker: str | None) -> None:
    assert only_speaker(paragraph, "en") == speaker


def test_pronouns_resolve_to_the_person_last_named() -> None:
    paragraphs = [
        "Eric Reeves, one of the leading American researchers on Sudan, has followed the war for years.",
        "“There is no reason to believe the guys in charge have changed their stripes,” said Mr. Reeves.",
        "The talks went on. “These guys are the worst of the worst and will stay so,” he said.",
    ]
    assert speakers_of(paragraphs) == {
        "There is no reason to believe the guys in charge have changed their stripes": "Eric Reeves",
        "These guys are the worst of the worst and will stay so": "Eric Reeves",
    }


def test_a_quotation_right_after_an_attributed_one_is_the_same_voice() -> None:
    paragraph = (
        "“I know how low I felt during those first few hours,” said Vanessa Hicks. "
        "“At the end of the day I didn’t do anything that disrespected this flag.”"
    )
    assert set(speakers_of([paragraph]).values()) == {"Vanessa Hicks"}


def test_a_short_statement_needs_a_named_speaker_beside_it() -> None:
    assert speakers_of(["Officials were tired. “We must find peace,” someone shouted in the crowd."]) == {}
    assert speakers_of(["Maria Lopez said “We must find peace” before she left the room."]) == {
        "We must find peace": "Maria Lopez"
    }


@pytest.mark.parametrize(
    ("language", "paragraph", "speaker"),
    [
        ("ru", "«Мы хотим, чтобы малому бизнесу было выгодно работать открыто», — заявил заместитель министра "
               "финансов Алексей Сазонов на пресс-конференции.", "Алексей Сазонов"),
        ("ru", "«Снижение ставки — хороший сигнал для предпринимателей», — сказала председатель ассоциации «Опора» "
               "Марина Ефимова.", "Марина Ефимова"),
        ("de", "„Wir bedauern diese Entscheidung sehr, sehen aber keine andere Möglichkeit“, sagte Bahn-Vorstand "
               "Michael Peterson der Nachrichtenagentur.", "Michael Peterson"),
        ("de", "„Wir brauchen endlich eine verlässliche Fahrrinne für die Schiffe“, sagte der Sprecher des "
               "Bundesverbands der Deutschen Binnenschifffahrt, Jens Schwanen.", "Jens Schwanen"),
        ("fr", "« Pour certains d’entre eux on est très interrogatif sur leur sort », a déclaré Laurent Fabius.",
         "Laurent Fabius"),
        ("fr", "Selon Sophie Martin, « nous demandons au gouvernement un bouclier tarifaire pour les ménages ».",
         "Sophie Martin"),
        ("es", "“No podemos garantizar el abastecimiento de la población si seguimos así”, dijo la consejera de "
               "Agricultura, Carmen Crespo, en rueda de prensa.", "Carmen Crespo"),
        ("es", '"Cada árbol que plantamos hoy es un grado menos en la acera", ha explicado la concejala, '
               "Lucía Romero, durante la presentación.", "Lucía Romero"),
        ("it", "«Questo è il più grande investimento nelle rinnovabili della storia», ha detto il ministro della "
               "Transizione ecologica Roberto Cingolani.", "Roberto Cingolani"),
        ("pt", '"Em 2012 eu errei. Ele não era presidente, mas fui ao Instituto", falou Tite ao programa.', "Tite"),
        ("pt", "“O protocolo e a situação gerada no jogo são fatos de opinião pessoal”, afirmou o técnico Tite.", "Tite"),
        ("cs", '"Stali se excelentním týmem a David Moyes si zaslouží obrovský kredit," píše na Twitter Gary Lineker.',
         "Gary Lineker"),
        ("ja", "田中首相は「経済を立て直すために、あらゆる手段を尽くす」と述べた。", "田中首相"),
        ("zh", "美国宇航局发言人丹尼尔·霍特(Daniel Huot)表示：“国际空间站上的宇航员不允许喝酒，这是规定。”", "丹尼尔·霍特"),
        ("zh", "“我高中毕业后就出国留学了，对两会的主要关注点落在民生和教育问题上。”卢宇说。", "卢宇"),
    ],
)
def test_attribution_in_other_languages(language: str, paragraph: str, speaker: str) -> None:
    assert only_speaker(paragraph, language) == speaker


def test_pro_drop_verb_resolves_to_the_person_just_named() -> None:
    paragraphs = [
        "La ministra Ana Torres visitó ayer la planta y dijo que habrá más inversiones.",
        "“Vamos a duplicar la producción antes de que termine el año”, añadió.",
    ]
    assert speakers_of(paragraphs, "es") == {"Vamos a duplicar la producción antes de que termine el año": "Ana Torres"}


@pytest.mark.parametrize(
    "paragraph",
    [
        "She starred in the film “The Long Goodbye to Everyone We Ever Loved” last year.",
        "The report, titled “how the web was lost and how it can still be won”, came out in May.",
        "“In a cage with a tiger and nowhere to run”: how locals adapt to the new reality",
        "He is a fan of “Everything Everywhere All at Once Again and Forever”.",
        'console.log("Looks like the response was not perfect, got status"); } catch(e) { x(); }',
        '^ "Mozilla Marketplace is live, lets you run web apps like desktop programs". Engadget. Retrieved 2012-08-18.',
        "The law protects “the independence of the nation and the integrity of the territory” above all.",
        "トレンドマイクロは、アプリ「フリーWi-Fiプロテクション」を発売した。",
    ],
)
def test_titles_headlines_code_and_fragments_are_not_quotes(paragraph: str) -> None:
    assert find_quotes([paragraph], language=None, max_quotes=3) == ()


def test_near_duplicates_are_dropped() -> None:
    paragraphs = [
        "“We will rebuild every house that the flood destroyed,” said Mayor Ana Ruiz on Monday.",
        "“We will rebuild every house the flood destroyed,” she told the council again on Tuesday.",
    ]
    assert len(find_quotes(paragraphs, language="en", max_quotes=3)) == 1


def test_each_speaker_gets_a_quote_before_anyone_gets_a_second() -> None:
    paragraphs = [
        "“The first thing we did was to close the harbour for all ships,” said Maria Lopez.",
        "“The second thing we did was to call every captain in port,” Lopez added.",
        "“Nobody told the fishermen anything at all about it,” said John Smith, a fisherman.",
    ]
    quotes = find_quotes(paragraphs, language="en", max_quotes=2)
    assert {q.speaker for q in quotes} == {"Maria Lopez", "John Smith"}


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.json")))
def test_dev_pages(name: str) -> None:
    """Dev pages (Readability.js test pages): each quote with the speaker a reader finds in the text."""
    fixture = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    found = find_quotes(fixture["paragraphs"], language="en", max_quotes=50)
    body = "\n\n".join(fixture["paragraphs"])
    assert all(quote.text in body for quote in found)
    for expected in fixture["expected"]:
        matching = [q for q in found if q.text.startswith(expected["text_starts"])]
        assert matching, f"missing {expected['text_starts']!r}"
        assert matching[0].speaker == expected["speaker"], expected["text_starts"]


def test_institutions_are_described_not_named() -> None:
    paragraph = "“The harbour will reopen on Monday after the repairs,” according to the Port Authority."
    quotes = find_quotes([paragraph], language="en", max_quotes=3)
    assert [q.speaker for q in quotes] == ["the Port Authority"]


def test_german_nouns_do_not_make_a_statement_a_title() -> None:
    paragraph = "„Die Bundesregierung Deutschlands plant Steuererhöhungen für Unternehmen“, sagte Olaf Scholz."
    assert only_speaker(paragraph, "de") == "Olaf Scholz"


PIECES = st.sampled_from(["“", "”", "„", "«", "»", "‘", "’", '"', "「", "」", "said", "he", "Maria Lopez", ",", ".", " ",
                          "the harbour will reopen", "Mr.", "according to", "we", "—", "sagte", "a déclaré", "\u00a0"])


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(st.lists(PIECES, max_size=60).map(" ".join), max_size=5), max_quotes=st.integers(0, 4))
def test_any_text_gives_verbatim_quotes_within_the_limit(paragraphs: list[str], max_quotes: int) -> None:
    quotes = find_quotes(paragraphs, language=None, max_quotes=max_quotes)
    assert len(quotes) <= max_quotes
    for quote in quotes:
        assert quote.text and any(quote.text in paragraph for paragraph in paragraphs)
        assert quote.speaker is None or quote.speaker.strip() == quote.speaker != ""


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # the name that opens the clause, not a place inside its appositive
        ("Maurice Obstfeld, a former chief economist who now teaches at the University of California, Berkeley, has "
         "warned that the bank could “drive the world economy into an unnecessarily harsh contraction.”", "Maurice Obstfeld"),
        # an appositive of any length after a full name and its comma
        ("“A colleague and I came across the site in connection with another project last year,” Robin Rönnlund, PhD "
         "student in Classical Archaeology and Ancient History at the University of Gothenburg and leader of the "
         "fieldwork, said in a statement.", "Robin Rönnlund"),
        # a period before a lower-case word ends no attribution
        ("“When you have an organization making that much money, we didn’t go line by line,” a former News Corp. "
         "executive said.", "a former News Corp. executive"),
        # a question mark inside the quotation: the splitter breaks there, the attribution goes on
        ("“No product has suffered like this one. But again, what the hell do I know?” Maria Lopez said on Monday.",
         "Maria Lopez"),
        # offices elect and occupations in front are no part of a name
        ("“The harbour will reopen on Monday after the repairs,” said President-elect Maria Lopez.", "Maria Lopez"),
        ("Sociologist Elizabeth Sweet says toys were “overwhelmingly targeted at girls in a very explicit way.”",
         "Elizabeth Sweet"),
        # an indefinite article before capitals: a kind of person, not a name
        ("“Tim Kaine is the relatable neighbor next door,” an Iowa Republican added.", "an Iowa Republican"),
        # after "saying", the capitals of a work's title or a place name nobody
        ("She talked about her new movie Office Christmas Party in New York in which price tags show, saying, "
         "“I can’t imagine how this happens to you.”", None),
        # "saying" after a one-word subject whose verb is one of speech: that subject
        ("During the actress’s visit to the show, Kimmel asked her about a photo from the premiere in New York, "
         "saying, “I can’t imagine how this happens to you.”", "Kimmel"),
        # an -ly adverb between the subject and its verb
        ("Since the split, Maria Lopez has continually insisted that the pair are “still very close friends, "
         "whatever the papers write.”", "Maria Lopez"),
        # the name after a role inside the appositive that closes before the verb
        ("But as my friend, the labor organizer David Rolf, frequently points out, “God did not make an auto "
         "worker a good job!”", "David Rolf"),
    ],
)
def test_attribution_in_long_and_odd_sentences(paragraph: str, speaker: str | None) -> None:
    assert only_speaker(paragraph, "en") == speaker


def test_a_colon_paragraph_introduces_only_the_quotation_that_opens_the_next() -> None:
    paragraphs = [
        "In the statement, Donald Trump praised the mayor’s support for his campaign:",
        "“Rudy Giuliani is an extraordinarily talented and patriotic American,” Trump said in the statement. "
        "“He is and continues to be a close personal friend, and I will call upon him for advice.”",
    ]
    assert set(speakers_of(paragraphs).values()) == {"Donald Trump"}


def test_he_resolves_to_the_person_the_paragraph_before_is_about() -> None:
    paragraphs = [
        "“The sirens were loud and long that night,” said Jaelyn Brown, a senior at the school.",
        "Next May, Brown will graduate. She has campaigned for years.",
        "“A lot of the rhetoric you hear is that nobody is personally responsible,” she said.",
    ]
    assert speakers_of(paragraphs)["A lot of the rhetoric you hear is that nobody is personally responsible"] == (
        "Jaelyn Brown"
    )


def test_a_person_only_named_as_an_object_or_inside_a_quotation_is_not_the_speaker() -> None:
    paragraphs = [
        "“The sirens were loud and long that night,” said Jaelyn Brown, a senior at the school.",
        "The mayor criticised Brown on Monday. Posters across town read “Brown is wrong about the sirens”.",
        "“We will look at the sirens again before the winter comes,” he said.",
    ]
    assert speakers_of(paragraphs)["We will look at the sirens again before the winter comes"] is None


def test_he_resolves_to_a_speaker_named_after_the_verb() -> None:
    paragraphs = [
        "Coal plants will close, said Robert Godby, director of the Center for Energy Economics at the university.",
        "“Between the new standard and growth in renewables, there's just no reason to build any coal,” he said.",
    ]
    assert set(speakers_of(paragraphs).values()) == {"Robert Godby"}


def test_a_surname_is_the_person_of_that_name_introduced_in_the_same_paragraph() -> None:
    paragraphs = [
        "“I was hurt by every message I read that week,” said Leslie Jones, the comedian.",
        "Trump then criticised union leader Chuck Jones in a tweet. Jones told the paper that his phone was ringing: "
        "“Calling me names, wanting to know if I have children, that I better watch out.”",
    ]
    assert speakers_of(paragraphs)["Calling me names, wanting to know if I have children, that I better watch out."] == (
        "Chuck Jones"
    )


def test_hand_judged_speakers_on_mercury_pages() -> None:
    """bench.speakers' reference (83 quotes, 48 pages): the figures this branch reached must hold."""
    from bench.speakers import judge_all, shares

    figures = shares(judge_all())
    assert figures["named"] >= 0.95
    assert figures["wrong"] <= 0.02


def test_a_first_name_becomes_the_only_persons_full_name_it_opens() -> None:
    paragraphs = [
        "Jerry Jones, the owner of the club, built the stadium that fans call Jerry World on the edge of town.",
        "After the win, the owner was in tears. “That is the happiest I have ever seen my son,” said Jerry.",
    ]
    assert set(speakers_of(paragraphs).values()) == {"Jerry Jones"}


def test_an_imperative_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    paragraphs = [
        "Ask Damien Chazelle, the director behind the film, and he will answer at once: “Freeway gridlock, "
        "nothing else comes close.”",
        "He had asked for more time. “I had a little bit of capital,” Chazelle claims, “and then I maxed it out.”",
    ]
    assert set(speakers_of(paragraphs).values()) == {"Damien Chazelle"}


def test_said_i_is_the_narrator_not_an_initial() -> None:
    paragraphs = [
        "“What are you doing here, Bartleby?” said I.",
        "“Sitting upon the banister for an hour or so,” he mildly replied.",
    ]
    assert set(speakers_of(paragraphs).values()) == {None}


@pytest.mark.parametrize(
    "paragraph",
    [
        # a company or a place that merely opens the clause before "saying" is no speaker
        "Amongst the options of the app, Slack also offers the option of getting your attention by saying "
        "“Hummus, hummus, hummus.”",
        # the last word of an institution's name is nobody's name
        "As the Joint Committee on Intelligence and Security has pointed out, it would be used “for the purpose "
        "of determining the sources of a journalist.”",
        "Last week, the law firm Scott & Scott announced it was investigating the company to “determine whether "
        "its officers and directors have breached their duties.”",
    ],
)
def test_no_speaker_from_a_clause_subject_that_is_no_person(paragraph: str) -> None:
    assert [candidate.speaker for candidate in candidates_in([paragraph], "en")] == [None]


@pytest.mark.parametrize(
    "paragraph",
    [
        # the first half too short to stand: the second is not given alone
        "“We can,” Maria Lopez said, “build a harbour that lasts a hundred years and more, whatever the sea does.”",
        "The mayor spoke at the quay. “We can build it,” she said on Monday, “and we will build a harbour that lasts "
        "a hundred years and more.”",
    ],
)
def test_a_quotation_broken_by_its_attribution_is_never_given_in_its_second_half(paragraph: str) -> None:
    assert all(not quote.text[:1].islower() for quote in find_quotes([paragraph], language="en"))


def test_a_quotation_after_a_quoted_headline_and_a_clause_is_no_second_half() -> None:
    paragraph = ("Maria Lopez wrote an op-ed with the headline \"Something is deeply broken at the port,\" calling the "
                 "authority out for what she said was a \"lackadaisical response to the very real threat of the storm.\"")
    assert [q.text for q in find_quotes([paragraph], language="en")] == [
        "lackadaisical response to the very real threat of the storm."]


def test_an_unattributed_title_of_a_work_is_no_quote() -> None:
    paragraph = "Fans sang “Take Me Out to the Ballgame” in the seventh inning as the rain came down on the old park."
    assert find_quotes([paragraph], language="en") == ()


def test_a_paragraph_ending_with_a_quote_from_someone_introduces_the_next() -> None:
    paragraphs = [
        "In honour of my mother, who was a teacher, I will close with a quote from a beloved author, Maria Lopez.",
        "“Twenty years from now you will be more disappointed by the things that you did not do than by the ones "
        "you did do.”",
    ]
    assert list(speakers_of(paragraphs).values()) == ["Maria Lopez"]
    overheard = ["He overheard those final words of Bartleby.", "“Prefer not, eh? I would prefer him, if I were you,” "
                 "gritted Nippers."]
    assert list(speakers_of(overheard).values()) == [None]  # "words of" a person: what was said before, not next


def test_a_first_name_becomes_the_full_name_a_sentence_introduces_with_is() -> None:
    paragraphs = [
        "Who is Anna? Anna Pickard is the app’s editorial director, whose colleagues call her “anna or whatever” "
        "in jest. In June, Anna tweeted a photo of her settings, adding, “My notification noise is set to hummus, "
        "only available to us.”",
    ]
    assert list(speakers_of(paragraphs).values()) == ["Anna Pickard"]


def test_it_says_is_the_organisation_named_before_in_the_paragraph_never_a_person_described() -> None:
    firm = ["In its analysis, Harbour Intel, a Lagos intelligence firm, says the port is “at risk” of closing. “If "
            "demand continues to fall, a port like this one will be hit hard by the downward price trend,” it says."]
    assert list(speakers_of(firm).values()) == ["Harbour Intel"]
    aide = ["A senior aide said the talks had stalled. “The report is clear about the cost of the storm to every "
            "family on the coast,” it says."]
    assert list(speakers_of(aide).values()) == [None]


def test_she_resolves_to_the_person_whose_post_the_paragraph_shows_when_no_one_else_is_named() -> None:
    paragraphs = ["This is Maria Lopez's post from Thanksgiving. She writes, “Today I am thankful for the harbour, "
                  "the ferries and every person who helped us rebuild the sea wall.”"]
    assert list(speakers_of(paragraphs).values()) == ["Maria Lopez"]
    plural = ["This is Maria Lopez's post from Thanksgiving. They write, “Today we are thankful for the harbour, "
              "the ferries and every person who helped us rebuild the sea wall.”"]
    assert list(speakers_of(plural).values()) == [None]


@given(st.text(alphabet="aZéÉЯяЁ’'-_1 \n,.", max_size=60))
@settings(max_examples=1000, deadline=None)
def test_name_patterns_match_as_their_lookbehind_first_forms(text: str) -> None:
    """The name patterns say what may come before them after their first character: the same matches."""
    import re

    from digest.quotes.people import FULL_NAME, MID_SENTENCE_CAPITAL, NAME_RUN

    capital, rest = "[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ]", r"[\w’'-]+"
    run = rf"(?:\s+(?:[A-Z]\.|{capital}{rest}))"
    for ours, theirs in ((FULL_NAME, rf"(?<![\w’']){capital}{rest}{run}{{1,5}}(?![\w’'])"),
                         (MID_SENTENCE_CAPITAL, rf"(?<=[a-z,] ){capital}{rest}"),
                         (NAME_RUN, rf"(?<![\w’']){capital}{rest}{run}*")):
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in re.finditer(theirs, text)]
