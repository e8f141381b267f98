from tui.api import Department, Person, Ticket
from tui.state import FilterNames, matches_words, parse_filter

LOOKUPS = FilterNames(
    me_id=1,
    agents=[
        Person(id=42, name="Agent"),
        Person(id=90, name="Irene Adler"),
        Person(id=91, name="Greg Lestrade"),
    ],
    departments=[Department(id=3, title="Support"), Department(id=4, title="Sales")],
)


def test_terms_become_api_filters() -> None:
    q = parse_filter(
        "printer status:resolved agent:me dept:support created:2019-06-16..2020-04-07 "
        "label:vip urgency:>5",
        LOOKUPS,
    )
    assert q.errors == []
    assert q.words == ["printer"]
    assert q.status == ("resolved",)
    assert q.params == {
        "agent": 1,
        "department": 3,
        "date_created": ("2019-06-16T00:00:00Z", "2020-04-07T23:59:59Z"),  # whole days
        "labels": "vip",
        "urgency": (6, 7, 8, 9, 10),
    }


def test_agent_forms() -> None:
    assert parse_filter("agent:none", LOOKUPS).params == {"agent": 0}
    assert parse_filter("agent:irene", LOOKUPS).params == {"agent": 90}
    assert parse_filter("agent:42", LOOKUPS).params == {"agent": 42}
    ambiguous = parse_filter("agent:e", LOOKUPS)
    assert ambiguous.params == {} and "3 agents" in ambiguous.errors[0]


def test_bad_terms_are_reported_not_sent() -> None:
    q = parse_filter("dept:nowhere urgency:high created:..", LOOKUPS)
    assert q.params == {}
    assert len(q.errors) == 3
    assert "Support, Sales" in q.errors[0]


def test_open_date_ranges_and_single_days() -> None:
    assert parse_filter("created:2020-01-01..", LOOKUPS).params["date_created"] == (
        "2020-01-01T00:00:00Z",
        None,
    )
    assert parse_filter("created:2020-01-01", LOOKUPS).params["date_created"] == (
        "2020-01-01T00:00:00Z",
        "2020-01-01T23:59:59Z",
    )


def test_urgency_comparisons_become_lists() -> None:
    assert parse_filter("urgency:<=2", LOOKUPS).params == {"urgency": (1, 2)}
    assert parse_filter("urgency:7", LOOKUPS).params == {"urgency": (7,)}
    assert parse_filter("urgency:>10", LOOKUPS).errors


def test_unknown_term_names_are_words() -> None:
    q = parse_filter("http://x Re:Invoice", LOOKUPS)
    assert q.words == ["http://x", "re:invoice"] and not q.has_terms


def test_matches_words_searches_subject_ref_id_and_requester() -> None:
    t = Ticket(
        id=321, ref="ABCD-1", subject="Printer on fire", person=9, person_email="joe@example.com"
    )
    people = {9: Person(id=9, name="Joe Bloggs")}
    assert matches_words(t, ["printer", "fire"], people)
    assert matches_words(t, ["bloggs"], people)
    assert matches_words(t, ["321"], people)
    assert not matches_words(t, ["printer", "water"], people)


def test_terms_are_checked_before_they_are_sent() -> None:
    q = parse_filter("status:pendng created:2020-13-45 created:yesterday..", LOOKUPS)
    assert q.status is None and q.params == {}
    assert len(q.errors) == 3
    assert "status:pendng is not a status" in q.errors[0] and "pending" in q.errors[0]
    assert "'2020-13-45' is not a date" in q.errors[1]
    helpdesk = FilterNames(1, statuses=["awaiting_agent", "custom_one"])
    assert parse_filter("status:custom_one", helpdesk).status == ("custom_one",)
    assert parse_filter("status:pending", helpdesk).errors  # not one this helpdesk has
