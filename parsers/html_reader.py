"""HTML into blocks: the parts a Word document embeds as alternative content (``w:altChunk``), which Word shows in
place as the document's own paragraphs and tables (a document builder may write every answer that way).

Headings and paragraphs become Paras, tables Tables (a cell's ``<br>`` a new line); style, script and head are
skipped. Standard library only.
"""

from __future__ import annotations

from html.parser import HTMLParser

from parsers.blocks import Para, Table

_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt", "dd", "pre", "blockquote"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"style", "script", "head", "title"}


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self.text: list[str] = []       # the paragraph or cell being read
        self.heading = False
        self.tables: list[list[list[str]]] = []   # tables being read (nested ones inside their cell's table)
        self.in_cell = False
        self.skipping = 0

    def _flush_para(self) -> None:
        text = "".join(self.text).replace("\xa0", " ")
        lines = [" ".join(line.split()) for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text and not self.tables:
            self.blocks.append(Para(text, self.heading))
        self.text, self.heading = [], False

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "br":
            self.text.append("\n")
        elif tag == "table":
            self._flush_para()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.text, self.in_cell = [], True
        elif tag in _BLOCK and not self.in_cell:
            self._flush_para()
            self.heading = tag in _HEADINGS
        elif tag in _BLOCK:
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in ("td", "th") and self.tables:
            text = "".join(self.text).replace("\xa0", " ")
            cell = "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
            if not self.tables[-1]:
                self.tables[-1].append([])
            self.tables[-1][-1].append(cell)
            self.text, self.in_cell = [], False
        elif tag == "table" and self.tables:
            rows = [r for r in self.tables.pop() if r]
            if rows:
                self.blocks.append(Table(rows=rows))
        elif tag in _BLOCK and not self.in_cell:
            self._flush_para()

    def handle_data(self, data):
        if not self.skipping:
            self.text.append(data.replace("\n", " "))  # a line break in the source is a space; <br> is a new line


def html_blocks(html: str) -> list:
    """The paragraphs and tables of an HTML document, in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader._flush_para()
    return reader.blocks
