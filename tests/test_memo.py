"""digest.memo: a line test's answers are remembered by text, and forget_all clears them (bench.speed relies on it)."""

from digest.memo import by_text, forget_all
from digest.pasted.junk import junk_text


def test_answers_are_remembered_and_forgotten() -> None:
    calls: list[str] = []

    @by_text(8)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("menu") == "MENU" and shout("menu") == "MENU"
    assert calls == ["menu"]
    forget_all()
    assert shout("menu") == "MENU"
    assert calls == ["menu", "menu"]


def test_the_pasted_line_tests_are_forgotten_too() -> None:
    junk_text("Subscribe to our newsletter")
    assert junk_text.cache_info().currsize > 0
    forget_all()
    assert junk_text.cache_info().currsize == 0
