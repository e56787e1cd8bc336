# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the tender importers read from a notice, without a database.

`read_notices` takes a file's name and bytes and returns the notices in
it, from TED eForms XML (eforms.py) or OCDS JSON (ocds.py). A file that
cannot be read raises TenderFileError naming the file and the problem.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

#: eForms procedure types (BT-105, codelist procurement-procedure-type),
#: which OCDS for eForms keeps in procurementMethodDetails.
PROCEDURES = [
    ('open', "Open"),
    ('restricted', "Restricted"),
    ('neg-w-call', "Negotiated with prior publication of a call"),
    ('neg-wo-call', "Negotiated without prior call for competition"),
    ('comp-dial', "Competitive dialogue"),
    ('innovation', "Innovation partnership"),
    ('comp-tend', "Competitive tendering"),
    ('oth-single', "Other single stage procedure"),
    ('oth-mult', "Other multiple stage procedure"),
    ]
PROCEDURE_CODES = frozenset(code for code, _ in PROCEDURES)

_CPV = re.compile(r'\s*(\d{8})(?:[-.]\d*)?\s*$')


class TenderFileError(ValueError):
    """A file is no notice we can read.

    `problem` names the message (msg_tender_file_<problem>) and `params`
    fill it, with `file` always among them.
    """

    def __init__(self, file, problem, **params):
        self.file = file
        self.problem = problem
        self.params = dict(params, file=file)
        super().__init__(f"{file}: {problem} {params}")


@dataclass(frozen=True)
class Lot:
    "One lot (eForms 'Lot', a PIN's 'Part', an OCDS lot)."
    id: str
    title: str | None = None
    main_cpv: str | None = None
    additional_cpv: tuple[str, ...] = ()
    #: UTC, naive: BT-131 or, for restricted procedures, BT-1311.
    deadline: dt.datetime | None = None
    value: Decimal | None = None
    currency: str | None = None

    @property
    def cpv_codes(self):
        return ((self.main_cpv,) if self.main_cpv else ()) \
            + self.additional_cpv


@dataclass(frozen=True)
class Notice:
    """One notice. `reference` is the key that a new import of the same
    notice finds again: the publication number where there is one,
    otherwise the notice id (eForms) or the ocid (OCDS)."""
    reference: str
    kind: str
    format: str
    notice_id: str | None = None
    publication_id: str | None = None
    issue_date: dt.date | None = None
    buyer: str | None = None
    title: str | None = None
    description: str | None = None
    procedure: str | None = None
    main_cpv: str | None = None
    estimated_value: Decimal | None = None
    currency: str | None = None
    nuts: str | None = None
    lots: tuple[Lot, ...] = field(default=())


def cpv_code(value):
    """The 8-digit CPV code in `value` ('45233162-2' and '45233130.0'
    give their first 8 digits, as eForms writes them), or None."""
    match = _CPV.match(str(value or ''))
    return match.group(1) if match else None


def cpv_codes(values):
    "The CPV codes of `values` (see cpv_code), each once, in their order."
    return list(dict.fromkeys(c for c in map(cpv_code, values) if c))


def read_notices(name, data):
    "The notices of file `name` holding `data` (bytes)."
    from . import eforms, ocds
    text = data.lstrip()
    if text.startswith(b'\xef\xbb\xbf'):
        text = text[3:].lstrip()
    if not text:
        raise TenderFileError(name, 'empty')
    if text.startswith(b'<'):
        return [eforms.read(name, data)]
    if text.startswith((b'{', b'[')):
        return ocds.read(name, data)
    raise TenderFileError(name, 'format')
