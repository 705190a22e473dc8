"""Reading a single-agency action plan (a .docx table or an .xlsx sheet) into rows (pure, no I/O).

Headers are read like the referral form's labels: a vocabulary of synonyms per column
(``COLUMNS``, first match wins, so "Action owner" is an owner and "Action target date" a date),
and every column has a type its values must fit (parsers.types). A row whose target date is not
a date, or that has no action, is refused with its row number and a plain reason; nothing is
guessed. A recommendation left blank under one already given (merged cells, one recommendation
with several actions) carries down.

    >>> read_plan(open("plan.xlsx", "rb").read(), "plan.xlsx").record
    {"kind": "action_plan", "where": "sheet 'Plan'", "columns": {"action": "Action", ...},
     "rows": [{"row": 2, "recommendation": "...", "action": "...", "owner_name": "Jo Bloggs",
               "owner_email": "jo.bloggs@nhs.net", "agency": "Health", "target_date": "2027-03-31",
               "status": "In progress", "complete": False, "completed_on": None}],
     "refused": [{"row": 4, "reason": "the target date is not a date (write it like 31/03/2027)"}]}
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers import ParseResult
from parsers import normalise as n
from parsers.blocks import Table
from parsers.docx_reader import read_docx
from parsers.safety import UnsafeFile, open_zip

MAX_ROWS = 500       # rows read per table or sheet; an action plan is tens of rows
MAX_COLUMNS = 30
HEADER_SEARCH_ROWS = 12   # the header row may sit under a title block

TEXT, PERSON_OR_EMAIL, EMAIL, ORGANISATION, DATE, STATUS, REF = (
    "text", "person", "email", "organisation", "date", "status", "ref")


@dataclass(frozen=True)
class Column:
    field: str
    kind: str
    pattern: str
    exclude: str = ""


# Order matters: the first column rule whose pattern matches a header takes it.
COLUMNS = [
    Column("ref", REF, r"^(rec|recommendation|action|item)? ?(ref|reference|no|number|#|id)$"),
    Column("owner_email", EMAIL, r"\be ?mail\b|\bcontact\b"),
    Column("completed_on", DATE, r"(date )?(actually )?(completed|achieved|closed|signed off)( on| date)?$|"
                                 r"^date (of )?completion$|^date closed$", exclude=r"target|expected|planned|due|by when"),
    Column("target_date", DATE, r"target|due|deadline|by when|timescale|time scale|complete by|completion date|"
                                r"date (for|of|to be) complet|^date$|^by$|expected (completion|date)|planned (completion|date)|^when$"),
    Column("status", STATUS, r"status|\brag\b|progress|update|r a g|position"),
    Column("recommendation", TEXT, r"^(key |review |the )?(recommendation|finding|learning|rec|issue identified|"
                                   r"area for (improvement|development))"),
    # the head word decides: "Responsible agency" is an agency, "Agency lead officer" a person
    Column("agency", ORGANISATION, r"(agency|organisation|organization|service|partner|team|department)s?( name)?$"),
    Column("owner", PERSON_OR_EMAIL, r"owner|lead officer|lead person|responsible|named lead|^lead$|by whom|who\b|"
                                     r"accountable|officer|action lead|manager"),
    Column("action", TEXT, r"action|what will be done|task|activity|steps|intervention|what we will do|measure"),
]

REQUIRED = ("action", "target_date")
COMPLETE = re.compile(r"^(complete[d]?|done|closed|achieved|finished|signed off|blue|implemented|met)\b", re.I)
EMAIL_RE = re.compile(r"[\w.+'\-]+@[\w\-]+(\.[\w\-]+)+")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DATE_FORMAT_HINT = "write it like 31/03/2027"


def header_key(text: str) -> str:
    t = re.sub(r"[^a-z0-9# ]+", " ", (text or "").lower().replace("/", " ").replace("&", " "))
    return " ".join(t.split())


def column_of(header: str) -> str | None:
    key = header_key(header)
    if not key:
        return None
    for col in COLUMNS:
        if re.search(col.pattern, key) and not (col.exclude and re.search(col.exclude, key)):
            return col.field
    return None


def map_headers(cells: list[str]) -> dict[str, int]:
    """{field: column index} for a header row; each field takes its first column."""
    out: dict[str, int] = {}
    for i, text in enumerate(cells[:MAX_COLUMNS]):
        name = column_of(text)
        if name and name not in out:
            out[name] = i
    if "owner" not in out and "owner_email" in out:
        out["owner"] = out["owner_email"]  # "Lead officer (email)": the name and the address in one cell
    return out


def is_header(mapping: dict[str, int]) -> bool:
    return all(f in mapping for f in REQUIRED) and ("owner" in mapping or "agency" in mapping or "owner_email" in mapping)


class RowRefused(ValueError):
    pass


def _cell(cells: list[str], mapping: dict[str, int], name: str) -> str:
    i = mapping.get(name)
    if i is None or i >= len(cells):
        return ""
    return " ".join((cells[i] or "").split())


def _only_date(raw: str) -> str | None:
    """The ISO date when the cell says a date and little else ('31/03/2027', '31 March 2027'); else None."""
    iso = n.parse_date(raw)
    if iso is None:
        return None
    rest = re.sub(r"[\W\d_]+", " ", raw).split()
    words = [w for w in rest if w.lower() not in ("st", "nd", "rd", "th", "of", "t") and not n._month(w)
             and w.lower()[:3] not in WEEKDAYS]
    return iso if len(words) <= 1 else None


def read_row(cells: list[str], mapping: dict[str, int], carried: dict) -> dict:
    """One row's action, or RowRefused with the reason (never the cell's words: they may name a child)."""
    action = _cell(cells, mapping, "action")
    recommendation = _cell(cells, mapping, "recommendation") or carried.get("recommendation", "")
    if not action:
        raise RowRefused("it has no action")
    raw_due = _cell(cells, mapping, "target_date")
    if not raw_due:
        raise RowRefused(f"it has no target date ({DATE_FORMAT_HINT})")
    due = _only_date(raw_due)
    if due is None:
        raise RowRefused(f"the target date is not a date ({DATE_FORMAT_HINT})")
    owner_raw = _cell(cells, mapping, "owner")
    email_raw = _cell(cells, mapping, "owner_email")
    owner_email = None
    if email_raw:
        m = EMAIL_RE.search(email_raw)
        if not m:
            raise RowRefused("the owner's email is not an email address")
        owner_email = m.group(0).lower()
    m = EMAIL_RE.search(owner_raw)
    if m and owner_email is None:
        owner_email = m.group(0).lower()
    owner_name = EMAIL_RE.sub(" ", owner_raw)
    owner_name = " ".join(re.sub(r"[()<>\[\],;:]+", " ", owner_name).split()) or None
    if owner_name and (_only_date(owner_name) or n.tristate(owner_name) is not None and len(owner_name.split()) <= 2):
        raise RowRefused("the owner is a date or a yes/no answer, not a person")
    agency = _cell(cells, mapping, "agency") or None
    if agency and (_only_date(agency) or EMAIL_RE.fullmatch(agency)):
        raise RowRefused("the agency is a date or an email address, not an agency")
    if not (owner_name or owner_email or agency):
        raise RowRefused("it names no owner and no agency")
    status = _cell(cells, mapping, "status") or None
    if status and _only_date(status):
        status = f"updated {_only_date(status)}"
    raw_done = _cell(cells, mapping, "completed_on")
    completed_on = None
    if raw_done:
        completed_on = _only_date(raw_done)
        if completed_on is None:
            raise RowRefused(f"the completion date is not a date ({DATE_FORMAT_HINT})")
    complete = bool(completed_on) or bool(status and COMPLETE.match(status))
    return {"recommendation": recommendation, "action": action, "owner_name": owner_name, "owner_email": owner_email,
            "agency": agency, "target_date": due, "status": status, "complete": complete, "completed_on": completed_on}


def read_table(rows: list[list[str]]) -> tuple[dict[str, int], int, list[dict], list[dict]] | None:
    """(mapping, header row index, actions, refused) for the first header row found near the top; None when the
    table is not an action plan. Row numbers count the table's (sheet's) rows from 1, as a person sees them."""
    for h, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = map_headers(cells)
        if is_header(mapping):
            break
    else:
        return None
    actions, refused, carried = [], [], {}
    for number, cells in enumerate(rows[h + 1:h + 1 + MAX_ROWS], start=h + 2):
        texts = [" ".join((c or "").split()) for c in cells]
        if not any(texts):
            continue
        if column_of(texts[mapping["action"]] if mapping["action"] < len(texts) else "") == "action" and \
                is_header(map_headers(cells)):
            continue  # the header repeated (a table split across pages)
        filled = [t for i, t in enumerate(texts) if t and i not in (mapping.get("ref"),)]
        if len(filled) == 1 and "action" in mapping and not texts[mapping["action"]] and \
                mapping.get("recommendation") is not None and texts[mapping["recommendation"]]:
            carried["recommendation"] = texts[mapping["recommendation"]]  # a recommendation heading its actions
            continue
        try:
            row = read_row(cells, mapping, carried)
        except RowRefused as exc:
            refused.append({"row": number, "reason": str(exc)})
            continue
        carried["recommendation"] = row["recommendation"]
        actions.append({"row": number, **row})
    return mapping, h, actions, refused


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    blocks, _ = read_docx(data)
    return [b.rows for b in blocks if isinstance(b, Table)]


MAX_DECLARED_COLUMNS = 1000   # a sheet declaring more columns than this is not read
MAX_SHEET_XML_BYTES = 4_000_000   # nor one whose XML is bigger (520 rows x 30 columns of text is well under 1 MB)


def _xlsx_sheets(data: bytes) -> list[tuple[str, list[list[str]]]]:
    open_zip(data)  # declared sizes and compression ratios checked before openpyxl inflates anything
    import io

    import openpyxl  # with defusedxml installed, openpyxl parses the sheet XML without entity expansion

    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sizes = {i.filename: i.file_size for i in z.infolist()}
    if any(name.startswith("xl/worksheets/") and size > MAX_SHEET_XML_BYTES for name, size in sizes.items()):
        return []  # no action plan is this big, and even opening the workbook costs seconds
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        out = []
        for ws in wb.worksheets[:10]:
            rows = []
            # the sheet's own dimensions (when it declares them) bound the read: no padding with empty cells
            part = sizes.get(getattr(ws, "_worksheet_path", ""), 0)
            if (ws.max_column or 0) > MAX_DECLARED_COLUMNS or part > MAX_SHEET_XML_BYTES:
                out.append((ws.title, []))  # a sheet this big is no action plan, and reading it costs seconds a row
                continue
            width = min(ws.max_column or MAX_COLUMNS, MAX_COLUMNS)
            for r in ws.iter_rows(max_col=width, values_only=True):
                rows.append([_xlsx_text(v) for v in r])
                if len(rows) >= MAX_ROWS + HEADER_SEARCH_ROWS:
                    break
            out.append((ws.title, rows))
        return out
    finally:
        wb.close()


def _xlsx_text(value) -> str:
    from datetime import date, datetime

    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def plan_format(data: bytes, filename: str | None) -> str | None:
    """'docx' or 'xlsx' for an Office zip of that kind; None for anything else."""
    if not data.startswith(b"PK"):
        return None
    head = data[:200_000]
    if b"word/" in head:
        return "docx"
    if b"xl/" in head:
        return "xlsx"
    name = (filename or "").lower()
    return "docx" if name.endswith(".docx") else "xlsx" if name.endswith(".xlsx") else None


def read_plan(data: bytes, filename: str | None = None) -> ParseResult:
    """A ParseResult whose record is the plan (see the module docstring); ``rejected`` with reason
    ``not_an_action_plan`` when no table has the plan's columns (action, target date, owner or agency)."""
    fmt = plan_format(data, filename)
    if fmt is None:
        return ParseResult.rejected(filename, "unknown", "not_an_action_plan")
    try:
        if fmt == "docx":
            tables = [(f"table {i}", rows) for i, rows in enumerate(_docx_tables(data), start=1)]
        else:
            tables = [(f"sheet '{title}'", rows) for title, rows in _xlsx_sheets(data)]
    except UnsafeFile as exc:
        return ParseResult.rejected(filename, fmt, exc.reason, str(exc))
    except MemoryError:
        raise
    except Exception as exc:  # a damaged workbook or document: openpyxl and zipfile raise many kinds
        return ParseResult.rejected(filename, fmt, "corrupt", f"{type(exc).__name__}")
    read = [(where, rows, found) for where, rows in tables if (found := read_table(rows)) is not None]
    if not read:
        return ParseResult.rejected(filename, fmt, "not_an_action_plan")
    # A plan may run over several tables (one per recommendation, or split at a page break) or sheets: all are
    # read; with more than one, each row says which ("table 2, row 3").
    several = len(read) > 1
    actions, refused, columns = [], [], {}
    for where, rows, (mapping, h, got, bad) in read:
        label = where if several else None
        actions += [{**r, "table": label} for r in got]
        refused += [{**r, "table": label} for r in bad]
        columns = columns or {f: " ".join(rows[h][i].split()) for f, i in mapping.items()}
    record = {"kind": "action_plan", "where": ", ".join(w for w, _, _ in read), "columns": columns,
              "rows": actions, "refused": refused}
    return ParseResult(filename, fmt, "parsed", None, record, [],
                       [f"{row_label(r)}: {r['reason']}" for r in refused])


def row_label(row: dict) -> str:
    """'row 5', or 'table 2, row 5' when the plan has several tables."""
    return (f"{row['table']}, " if row.get("table") else "") + f"row {row['row']}"


def match_key(recommendation: str | None, action: str | None) -> str:
    """What makes two versions of a plan's row the same action: the recommendation and action text, with case,
    punctuation, spacing and numbering ignored."""
    def words(text):
        t = re.sub(r"^\s*(\d+(\.\d+)*|[a-z]\)|\(?[ivx]+\))[.):]?\s+", "", (text or "").lower())
        return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())
    return words(recommendation) + " | " + words(action)


def similar(a: str, b: str, threshold: float = 0.9) -> bool:
    """Small wording changes ('ensure' -> 'ensures', a word added) still match the same action."""
    from difflib import SequenceMatcher

    return a == b or SequenceMatcher(None, a, b).ratio() >= threshold
