"""A dynamic XFA form (Adobe LiveCycle Designer): the form and its answers live only as XML packets in the PDF's
AcroForm ``/XFA`` array; the page itself says "Please wait..." to any viewer that cannot draw it.

The **template** packet holds the form: subforms (sections; a repeated one for each child or agency row), their
titles, and fields, each with its caption (the label printed beside it). The **datasets** packet holds the answers:
one element per field, named as the field, nested as the subforms are, a repeated subform once per repeat. Each
answer becomes a ``Pair`` (caption, value, the field's path as a form-field name: ``form1[0].Child[1].Sex[0]``) and
each subform's title a heading, in the order the answers were saved — what the fillable-form reader hands over.
"""

from __future__ import annotations

from pdfminer.pdftypes import resolve1

from parsers.blocks import Pair, Para
from parsers.safety import UnsafeFile, parse_xml

MAX_PACKET_BYTES = 5_000_000


def packets(acro) -> dict[str, bytes]:
    """The XFA array's packets by name ('template', 'datasets' ...); {} when the form has none."""
    xfa = resolve1(acro.get("XFA")) if isinstance(acro, dict) else None
    if not isinstance(xfa, list):
        return {}
    out = {}
    for k in range(0, len(xfa) - 1, 2):
        name = resolve1(xfa[k])
        name = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        stream = resolve1(xfa[k + 1])
        data = stream.get_data() if hasattr(stream, "get_data") else None
        if data is not None and len(data) <= MAX_PACKET_BYTES:
            out[name] = data
    return out


def _local(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _template(root) -> tuple[dict[tuple, str], dict[tuple, str]]:
    """(path of names -> the field's caption, path of names -> the subform's title), from the template."""
    captions: dict[tuple, str] = {}
    titles: dict[tuple, str] = {}

    def walk(el, path: tuple) -> None:
        for child in el:
            kind, name = _local(child), child.get("name")
            if kind == "subform":
                here = path + (name,) if name else path
                title = next((_text(d) for d in child if _local(d) == "draw" and _text(d)), "")
                if name and title:
                    titles.setdefault(here, title)
                walk(child, here)
            elif kind == "field" and name:
                caption = next((c for c in child if _local(c) == "caption"), None)
                captions[path + (name,)] = _text(caption) if caption is not None else ""
            elif kind in ("area", "subformSet", "exclGroup"):
                walk(child, path)

    walk(root, ())
    return captions, titles


def blocks(acro) -> list:
    """The form's headings and answers as blocks; [] when the PDF carries no readable XFA form."""
    found = packets(acro)
    if "template" not in found or "datasets" not in found:
        return []
    try:
        captions, titles = _template(parse_xml(found["template"]))
        data_root = parse_xml(found["datasets"])
    except UnsafeFile:
        return []
    data = next((el for el in data_root.iter() if _local(el) == "data"), None)
    if data is None:
        return []
    out: list = []

    def walk(el, path: tuple, where: str) -> None:
        seen: dict[str, int] = {}
        for child in el:
            name = _local(child)
            if not name:
                continue
            k = seen[name] = seen.get(name, -1) + 1
            here, at = path + (name,), f"{where}.{name}[{k}]" if where else f"{name}[{k}]"
            if len(child):
                if here in titles:
                    out.append(Para(titles[here], heading=True))
                walk(child, here, at)
            elif here in captions:
                out.append(Pair(captions[here] or name, (child.text or "").strip(), at))

    walk(data, (), "")
    return out if any(isinstance(b, Pair) and b.value for b in out) else []
