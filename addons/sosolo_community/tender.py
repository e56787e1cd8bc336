# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Public tenders imported from TED eForms XML and OCDS JSON (issue 15).

A notice is kept once, under its reference (tender_data.Notice); a new
import of it updates it. Notices and lots are written only by
`import_files`.
"""
import datetime as dt
import logging
from pathlib import Path

from trytond.config import config
from trytond.exceptions import UserError
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, Unique, fields
from trytond.pool import Pool

from . import match
from .tender_data import (
    PROCEDURE_CODES,
    PROCEDURES,
    TenderFileError,
    read_notices,
)

logger = logging.getLogger(__name__)


def file_error(exception):
    "The UserError telling of a TenderFileError (its file and problem)."
    return UserError(gettext(
            f'sosolo_community.msg_tender_file_{exception.problem}',
            **exception.params))


def notice_values(notice):
    "The field values of a tender_data.Notice, as stored."
    return {
        'kind': notice.kind,
        'format': notice.format,
        'notice_id': notice.notice_id,
        'publication_id': notice.publication_id,
        'issue_date': notice.issue_date,
        'buyer': notice.buyer,
        'title': notice.title,
        'description': notice.description,
        'procedure': (notice.procedure
            if notice.procedure in PROCEDURE_CODES else None),
        'main_cpv': notice.main_cpv,
        'estimated_value': notice.estimated_value,
        'currency_code': notice.currency,
        'nuts': notice.nuts,
        }


def lot_values(lot):
    return {
        'title': lot.title,
        'main_cpv': lot.main_cpv,
        'additional_cpv': ' '.join(lot.additional_cpv) or None,
        'deadline': lot.deadline,
        'value': lot.value,
        'currency_code': lot.currency,
        }


class Tender(ModelSQL, ModelView):
    "Tender"
    __name__ = 'sosolo.community.tender'
    _rec_name = 'title'

    reference = fields.Char("Reference", required=True, readonly=True,
        help="The publication number, or the notice id where there is "
        "none.")
    kind = fields.Selection([
            ('pin', "Prior information notice"),
            ('cn', "Contract notice"),
            ('can', "Contract award notice"),
            ], "Kind", required=True, readonly=True)
    kind_string = kind.translated('kind')
    format = fields.Selection([
            ('eforms', "TED eForms"),
            ('ocds', "OCDS"),
            ], "Format", required=True, readonly=True)
    notice_id = fields.Char("Notice ID", readonly=True)
    publication_id = fields.Char("Publication Number", readonly=True)
    issue_date = fields.Date("Issue Date", readonly=True)
    buyer = fields.Char("Buyer", readonly=True)
    title = fields.Char("Title", readonly=True)
    description = fields.Text("Description", readonly=True)
    procedure = fields.Selection(
        [(None, "")] + PROCEDURES, "Procedure", readonly=True)
    main_cpv = fields.Char("Main CPV", size=8, readonly=True)
    estimated_value = fields.Numeric("Estimated Value", digits=(16, 2),
        readonly=True)
    currency_code = fields.Char("Currency", size=3, readonly=True)
    nuts = fields.Char("Place (NUTS)", readonly=True)
    lots = fields.One2Many('sosolo.community.tender.lot', 'tender', "Lots",
        readonly=True)
    deadline = fields.Function(fields.DateTime("Deadline"), 'get_deadline')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('reference_unique', Unique(t, t.reference),
                'sosolo_community.msg_tender_reference_unique'),
            ]
        cls._order = [('issue_date', 'DESC NULLS LAST'), ('id', 'DESC')]

    def get_deadline(self, name):
        deadlines = [lot.deadline for lot in self.lots if lot.deadline]
        return min(deadlines) if deadlines else None

    @classmethod
    def import_files(cls, files):
        """Import the notices of `files`, [(name, bytes)]: a list of
        (tender, 'created' | 'updated' | 'unchanged').

        Every file is read before anything is written, so one malformed
        file (UserError naming it and the problem) imports none of them.
        """
        notices = []
        for name, data in files:
            try:
                notices.extend(read_notices(name, data))
            except TenderFileError as exception:
                raise file_error(exception) from exception
        # Two imports of one new notice at once: the unique reference
        # refuses the second (no table lock, so that one transaction can
        # import several times, as the tests and the cron do).
        known = {t.reference: t for t in cls.search([
                    ('reference', 'in', sorted({n.reference
                                for n in notices})),
                    ])}
        imported = []
        for notice in notices:
            tender, status = cls._import_notice(
                notice, known.get(notice.reference))
            # A later notice of the same reference (an OCDS update in
            # the same call) reads it again, as written.
            known[notice.reference] = cls(tender.id)
            imported.append((tender, status))
        return imported

    @classmethod
    def _import_notice(cls, notice, tender):
        "Store `notice` in `tender`, or in a new tender when None."
        pool = Pool()
        Lot = pool.get('sosolo.community.tender.lot')
        values = notice_values(notice)
        if tender is None:
            tender, = cls.create([dict(values, reference=notice.reference,
                        lots=[('create', [dict(lot_values(lot), lot=lot.id)
                                    for lot in notice.lots])])])
            return tender, 'created'
        # OCDS releases are partial (the standard merges them by date):
        # what a later release leaves out is kept.
        merge = notice.format == 'ocds'
        changed = {k: v for k, v in values.items()
            if getattr(tender, k) != v and not (merge and v is None)}
        lots = {lot.lot: lot for lot in tender.lots}
        to_create, to_write = [], []
        for lot in notice.lots:
            new = lot_values(lot)
            if lot.id not in lots:
                to_create.append(dict(new, tender=tender.id, lot=lot.id))
                continue
            old = lots.pop(lot.id)
            diff = {k: v for k, v in new.items()
                if getattr(old, k) != v and not (merge and v is None)}
            if diff:
                to_write.extend(([old], diff))
        to_delete = [] if merge else list(lots.values())
        if not (changed or to_create or to_write or to_delete):
            return tender, 'unchanged'
        if changed:
            cls.write([tender], changed)
        if to_create:
            Lot.create(to_create)
        if to_write:
            Lot.write(*to_write)
        if to_delete:
            Lot.delete(to_delete)
        return tender, 'updated'

    @classmethod
    def import_folder(cls):
        """Cron: import every file of the folder `tender_folder` in
        section [sosolo_community] of the trytond configuration.

        Each file goes in on its own: a malformed one is logged and
        skipped, the others are imported. Unchanged notices write
        nothing, so the folder can be read again and again.
        """
        folder = config.get('sosolo_community', 'tender_folder')
        if not folder:
            return
        for path in sorted(Path(folder).iterdir()):
            if not path.is_file() or path.name.startswith('.'):
                continue
            try:
                cls.import_files([(path.name, path.read_bytes())])
            except (UserError, OSError) as exception:
                logger.warning("tender file %s not imported: %s",
                    path, getattr(exception, 'message', exception))

    @classmethod
    def open_tenders(cls, member, now):
        """The tenders open at `now` (UTC), each with the lots that match
        `member`'s interests (see listed)."""
        Interest = Pool().get('sosolo.community.interest')
        interests = Interest.rules_of(member) if member else []
        return cls.listed(cls.search_open(now), interests, now)

    @classmethod
    def search_open(cls, now):
        "The tenders with a lot that can be handed in at `now` (UTC)."
        return cls.search([
                ('kind', '!=', 'can'),
                ('lots.deadline', '>=', now),
                ])

    @staticmethod
    def listed(tenders, interests, now):
        """The open `tenders`, each with its open lots that match
        `interests` (match.Interest): [(tender, lots)], those with
        matching lots first, then by their nearest deadline."""
        listed = []
        for tender in tenders:
            listed.append((tender, [lot for lot in tender.lots
                        if lot.deadline and lot.deadline >= now
                        and lot.matches(interests)]))
        listed.sort(key=lambda t: (not t[1], min(
                    lot.deadline for lot in t[0].lots
                    if lot.deadline and lot.deadline >= now), t[0].id))
        return listed

    def summary(self):
        "The object `sosolo tender-import --json` prints."
        return {
            'notice': self.reference,
            'title': self.title,
            'buyer': self.buyer,
            'cpv': self.main_cpv,
            'lots': [lot.summary() for lot in self.lots],
            }


class TenderLot(ModelSQL, ModelView):
    "Tender Lot"
    __name__ = 'sosolo.community.tender.lot'

    tender = fields.Many2One('sosolo.community.tender', "Tender",
        required=True, ondelete='CASCADE', readonly=True)
    lot = fields.Char("Lot", required=True, readonly=True,
        help="The lot's id in the notice (LOT-0001, or PAR-0001 in a "
        "prior information notice).")
    title = fields.Char("Title", readonly=True)
    main_cpv = fields.Char("Main CPV", size=8, readonly=True)
    additional_cpv = fields.Char("Additional CPV", readonly=True,
        help="The additional CPV codes, separated by spaces.")
    deadline = fields.DateTime("Deadline", readonly=True,
        help="The time limit for tenders, or for requests to participate "
        "in a restricted procedure.")
    value = fields.Numeric("Estimated Value", digits=(16, 2), readonly=True)
    currency_code = fields.Char("Currency", size=3, readonly=True)

    @classmethod
    def __setup__(cls):
        super().__setup__()
        t = cls.__table__()
        cls._sql_constraints += [
            ('tender_lot_unique', Unique(t, t.tender, t.lot),
                'sosolo_community.msg_tender_lot_unique'),
            ]
        cls._order = [('tender', 'ASC'), ('lot', 'ASC'), ('id', 'ASC')]

    @property
    def cpv_codes(self):
        codes = [self.main_cpv] if self.main_cpv else []
        return codes + (self.additional_cpv or '').split()

    def matches(self, interests):
        "Does the lot match one of `interests` (match.Interest)?"
        return match.matches_any(interests, self.cpv_codes,
            self.tender.nuts)

    def summary(self):
        return {
            'id': self.lot,
            'title': self.title,
            'cpv': self.cpv_codes,
            'deadline': (self.deadline.replace(
                    tzinfo=dt.timezone.utc).isoformat().replace(
                    '+00:00', 'Z') if self.deadline else None),
            }

