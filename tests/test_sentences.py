"""Sentence splitting: whole sentences, verbatim slices, in many languages."""

from __future__ import annotations

import pytest

from digest.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Mr. Smith went to Washington. He met Dr. Jones at noon.",
         ["Mr. Smith went to Washington.", "He met Dr. Jones at noon."]),
        ("en", "He joined the U.S. Army in 1990. The army sent him to Germany.",
         ["He joined the U.S. Army in 1990.", "The army sent him to Germany."]),
        ("en", "It was born in the U.S. The next year it moved.", ["It was born in the U.S.", "The next year it moved."]),
        ("en", "J. K. Rowling wrote it. See No. 5 and p. 12 for more. No. It is not.",
         ["J. K. Rowling wrote it.", "See No. 5 and p. 12 for more.", "No.", "It is not."]),
        ("en", "Prices rose 3.5 percent in Jan. 2022, e.g. bread. Officials agreed.",
         ["Prices rose 3.5 percent in Jan. 2022, e.g. bread.", "Officials agreed."]),
        ("en", "Wait... what? Yes! Fine.", ["Wait... what?", "Yes!", "Fine."]),
        ("en", "The plates meet here.[152] New Zealand sits on them.[3][4] It moves.",
         ["The plates meet here.[152]", "New Zealand sits on them.[3][4]", "It moves."]),
        ("de", "Er kam am 7. April nach Berlin. Das war z. B. gut. Danach ging er.",
         ["Er kam am 7. April nach Berlin.", "Das war z. B. gut.", "Danach ging er."]),
        ("ru", "В. В. Путин заявил в 2022 г. о планах. Конец.", ["В. В. Путин заявил в 2022 г. о планах.", "Конец."]),
        ("fr", "M. Macron est arrivé. Il a parlé.", ["M. Macron est arrivé.", "Il a parlé."]),
        ("es", "La Sra. García habló con el Dr. Pérez. Luego se fue.",
         ["La Sra. García habló con el Dr. Pérez.", "Luego se fue."]),
        ("it", "Il Dott. Rossi è arrivato. Poi è partito.", ["Il Dott. Rossi è arrivato.", "Poi è partito."]),
        ("ja", "東京で会議が開かれた。首相は「頑張る」と述べた。終わり。", ["東京で会議が開かれた。", "首相は「頑張る」と述べた。", "終わり。"]),
        ("zh", "他说：“我们会赢。”然后他走了。", ["他说：“我们会赢。”", "然后他走了。"]),
    ],
)
def test_splits_into_whole_sentences(language: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It’s over. We won,” he said. Then he left.", ["“It’s over. We won,” he said.", "Then he left."]),
        ('"It is over. We won," he said. Then he left.', ['"It is over. We won," he said.', "Then he left."]),
        ("„Wir gewinnen. Sicher“, sagte er. Danach ging er.", ["„Wir gewinnen. Sicher“, sagte er.", "Danach ging er."]),
        ("«Мы победим. Точно», — сказал он. Конец.", ["«Мы победим. Точно», — сказал он.", "Конец."]),
        ("Sie sagte: »Wir gewinnen. Sicher.« Danach ging er.", ["Sie sagte: »Wir gewinnen. Sicher.«", "Danach ging er."]),
        ("M. Macron a déclaré : « Nous gagnerons. » Puis il est parti.",
         ["M. Macron a déclaré : « Nous gagnerons. »", "Puis il est parti."]),
    ],
)
def test_a_quotation_with_several_sentences_stays_whole(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_quotation_left_open_does_not_swallow_the_paragraph() -> None:
    # Multi-paragraph quotations leave the mark open at the paragraph's end; the sentences still split.
    text = "“This is the first sentence. This is the second one. This is the third. And a fourth. And a fifth."
    assert len(split_sentences(text, "en")) == 5


def test_sentences_are_exact_slices_of_the_text() -> None:
    text = "  First one here.   Second\u00a0one there!\n\nThird?  "
    spans = sentence_spans(text, "en")
    assert [text[start:end] for start, end in spans] == ["First one here.", "Second\u00a0one there!", "Third?"]


def test_lower_case_after_a_period_is_no_new_sentence() -> None:
    assert split_sentences("The vote was 5 vs. 4 in the end. it was close.", "en") == [
        "The vote was 5 vs. 4 in the end. it was close."
    ]


def test_text_without_sentence_marks_is_one_sentence() -> None:
    assert split_sentences("Top stories") == ["Top stories"]
    assert split_sentences("") == []
