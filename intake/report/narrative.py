"""A few plain sentences per section of the annual report, and its glossary (issue 25 part 3).

Every sentence is written from a table *as shown*, never from the counts behind it: a count hidden in the table
("<5", "x") is hidden in the words too ("fewer than 5", "a number not published").
"""

from __future__ import annotations

from intake.report.tables import NOT_SHOWN, TOTAL, Table

NO_DATA = "No data in this period."

GLOSSARY = (
    ("<5", "A count from 1 to 4. Small counts are not shown, so that no child or family can be identified."),
    ("..", "A count from 0 to 4, not shown because it is part of a total under 5 and the others would give it "
           "away."),
    ("x", "A count of 5 or more, hidden because, with the other figures, it would give a small count away."),
    ("-", "Not shown: none to count, or too few to work out a share or a median without showing a small count."),
    ("Working day", "Monday to Friday, except bank holidays in England and the partnership's closure days."),
    ("National Panel", "The Child Safeguarding Practice Review Panel, which must be told of a serious incident "
                       "within 5 working days."),
    ("Safeguarding partners", "The local authority, the integrated care board and the police, who run the "
                              "partnership together."),
    ("Rapid Review", "The partners' quick look at the facts of a serious incident, due within 15 working days, "
                     "ending in a decision on whether a local review is needed."),
    ("LCSPR", "Local child safeguarding practice review: the partnership's own review of a serious incident, to be "
              "published within 6 months of the decision to hold it."),
    ("Overdue", "Not done, and past its due date on the day the report was made."),
    ("Not yet due", "Still open, and its due date has not yet come."),
    ("Waived or paused", "A deadline that no longer applies, or whose clock is stopped (for example during "
                         "criminal proceedings)."),
    ("Median", "The middle value: half took this long or less, half this long or more."),
)


def amount(cell: str, one: str, many: str | None = None) -> str:
    """A count as words, keeping its mark: "<5" -> "fewer than 5 referrals", "x" -> "a number of referrals not
    published"."""
    many = many or one + "s"
    if cell in ("<5", ".."):
        return f"fewer than 5 {many}"
    if cell == "x":
        return f"5 or more {many} (the exact number is not published)"
    if cell == NOT_SHOWN:
        return f"an unpublished number of {many}"
    return f"{cell} {one if cell == '1' else many}"


def _largest(table: Table) -> tuple[str, str] | None:
    """The row with the largest count shown (ties: the first), if any count is shown and above 0."""
    shown = [(int(r[1]), r[0]) for r in table.rows if r[0] != TOTAL and r[1].isdigit() and int(r[1]) > 0]
    if not shown:
        return None
    n, name = max(shown, key=lambda p: p[0])
    return name, str(n)


def _total(table: Table, column: int = 1) -> str:
    return next(r[column] for r in table.rows if r[0] == TOTAL)


def referrals(table: Table, period_words: str) -> str:
    if table.empty:
        return f"We received no referrals {period_words}."
    text = f"We received {amount(_total(table), 'referral')} {period_words}."
    top = _largest(table)
    if top:
        text += f" The most in one month was {top[1]}, in {top[0]}."
    return text


def agencies(table: Table) -> str:
    if table.empty:
        return NO_DATA
    top = _largest(table)
    text = f"The largest number of referrals came from {top[0]} ({top[1]})." if top else (
        "Each agency made only a few referrals, so their counts are not shown.")
    return text + " Agencies are grouped into the partner agencies and kinds of agency, so that no school, surgery " \
                  "or other small setting is named."


def incidents(table: Table) -> str:
    if table.empty:
        return NO_DATA
    top = _largest(table)
    return (f"The most common kind of incident referred was \"{top[0].lower()}\" ({top[1]})." if top
            else "The numbers of each kind of incident are small, so they are not shown.")


def decisions(table: Table) -> str:
    if table.empty:
        return "The group made no decisions on referrals in this period."
    lcspr = next((r[1] for r in table.rows if r[0].endswith("(LCSPR)")), "0")
    return (f"The group made {amount(_total(table), 'decision')} on referrals, and commissioned "
            f"{amount(lcspr, 'local review (LCSPR)', 'local reviews (LCSPRs)') if lcspr != '0' else 'no local review'}.")


def timeliness(table: Table) -> str:
    if table.empty:
        return "No statutory deadline fell due in this period."
    parts = [f"{label}: {row[7]} on time" for label, row in zip(table.labels, table.rows) if row[7] != NOT_SHOWN]
    if not parts:
        return ("Too few deadlines have been met or missed in this period to show how many were on time without "
                "showing small numbers.")
    return "Of the deadlines met or missed in this period: " + "; ".join(parts) + "."


def actions(table: Table) -> str:
    if table.empty:
        return "No action from a review fell due in this period."
    total = next(r for r in table.rows if r[0] == TOTAL)
    text = f"{amount(total[5], 'action').capitalize()} fell due in this period"
    if total[3] == "0":
        return text + ", and none is overdue."
    return text + f"; of these, {amount(total[3], 'action')} {'is' if total[3] == '1' else 'are'} overdue."


def for_table(table: Table, period_words: str) -> str:
    return {"by_month": lambda t: referrals(t, period_words), "by_agency": agencies, "by_incident": incidents,
            "decisions": decisions, "timeliness": timeliness, "actions": actions}[table.key](table)
