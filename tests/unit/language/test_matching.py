"""Finding minimising phrases in text: whole words, any case, hyphen or space, and the context
that makes a phrase acceptable."""

from dataclasses import dataclass, field

from lantern.language.matching import find_phrases


@dataclass
class P:
    phrase: str
    reason: str = "why"
    suggestion: str = ""
    unless_near: list = field(default_factory=list)


def phrases_in(text, *phrases):
    return [m.phrase for m in find_phrases(text, phrases)]


def test_finds_a_phrase_in_any_case_with_a_hyphen_or_spaces():
    p = P("over chastisement")
    assert phrases_in("Dad said it was Over-chastisement.", p) == ["over chastisement"]
    assert phrases_in("this was over   chastisement", p) == ["over chastisement"]


def test_whole_words_only():
    assert phrases_in("He was smacked.", P("smack")) == []
    assert phrases_in("Mum smacked him.", P("smacked")) == ["smacked"]


def test_context_words_in_the_same_sentence_make_it_acceptable():
    smacked = P("smacked", unless_near=["mark", "face", "injur"])
    assert phrases_in("Dad smacked her across the face.", smacked) == []
    assert phrases_in("He smacked her. It left a red mark.", smacked) == ["smacked"]
    # A prefix: "injur" covers injury and injured.
    assert phrases_in("She was smacked and injured.", smacked) == []


def test_excerpt_is_the_sentence_and_matches_come_in_order():
    text = "First sentence. The toxic trio is present here! Then over chastisement."
    matches = find_phrases(text, [P("over chastisement"), P("toxic trio")])
    assert [m.phrase for m in matches] == ["toxic trio", "over chastisement"]
    assert matches[0].excerpt == "The toxic trio is present here!"
    assert matches[1].excerpt == "Then over chastisement."


def test_empty_text_finds_nothing():
    assert find_phrases("", [P("toxic trio")]) == []
    assert find_phrases("   ", [P("toxic trio")]) == []
