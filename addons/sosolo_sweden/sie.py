# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""SIE export and import wizards (the back office's `sosolo sie-*`)."""
from io import BytesIO

from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.pyson import Eval
from trytond.transaction import Transaction
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .sie_export import SIEExporter
from .sie_import import SIEImporter

SIE_TYPES = [
    ('1', "1: Year balances"),
    ('2', "2: Period balances"),
    ('3', "3: Object balances"),
    ('4', "4E: Vouchers"),
    ]


def export_filename(fiscalyear, sie_type):
    "SIE 4B, 4.2: type 4 files end in .se (4E), types 1-3 too."
    return f'SIE{sie_type}_{fiscalyear.name.replace("/", "-")}.se'


class SIEExport(Wizard):
    "Export SIE"
    __name__ = 'sosolo.sie.export'

    start = StateView('sosolo.sie.export.start',
        'sosolo_sweden.sie_export_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Export", 'generate', 'tryton-ok', default=True),
            ])
    generate = StateTransition()
    result = StateView('sosolo.sie.export.result',
        'sosolo_sweden.sie_export_result_view_form', [
            Button("Close", 'end', 'tryton-close'),
            ])

    def transition_generate(self):
        stream = BytesIO()
        exporter = self.get_exporter()
        replaced = exporter.export(stream)
        self.result.file = self.result.__class__.file.cast(
            stream.getvalue())
        self.result.replaced = ''.join(sorted(replaced))
        return 'result'

    def get_exporter(self):
        return SIEExporter(self.start.fiscalyear,
            sie_type=int(self.start.sie_type),
            checksum=self.start.checksum)

    def default_result(self, fields):
        file_ = self.result.file
        self.result.file = None  # Not kept in the session
        replaced = self.result.replaced
        return {
            'file': file_,
            'filename': export_filename(
                self.start.fiscalyear, self.start.sie_type),
            'replaced': replaced,
            'message': (gettext('sosolo_sweden.msg_sie_replaced',
                    characters=replaced) if replaced else ''),
            }


class SIEExportStart(ModelView):
    "Export SIE"
    __name__ = 'sosolo.sie.export.start'

    fiscalyear = fields.Many2One(
        'account.fiscalyear', "Fiscal Year", required=True,
        domain=[
            ('company', '=', Eval('context', {}).get('company', -1)),
            ])
    sie_type = fields.Selection(SIE_TYPES, "SIE Type", required=True)
    checksum = fields.Boolean("Checksum",
        help="Add #KSUMMA, a CRC-32 checksum of the file's records.")

    @classmethod
    def default_sie_type(cls):
        return '4'


class SIEExportResult(ModelView):
    "Export SIE"
    __name__ = 'sosolo.sie.export.result'

    file = fields.Binary("File", readonly=True, filename='filename')
    filename = fields.Char("File Name", readonly=True)
    replaced = fields.Char("Replaced Characters", readonly=True)
    message = fields.Text("Message", readonly=True)


class SIEImport(Wizard):
    "Import SIE"
    __name__ = 'sosolo.sie.import'

    start = StateView('sosolo.sie.import.start',
        'sosolo_sweden.sie_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Preview", 'preview', 'tryton-forward', default=True),
            ])
    preview = StateView('sosolo.sie.import.preview',
        'sosolo_sweden.sie_import_preview_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()
    result = StateView('sosolo.sie.import.result',
        'sosolo_sweden.sie_import_result_view_form', [
            Button("Close", 'end', 'tryton-close'),
            ])

    def get_importer(self):
        Company = Pool().get('company.company')
        company = Company(Transaction().context['company'])
        return SIEImporter(company, self.start.file,
            self.start.filename or 'import.se')

    def default_preview(self, fields):
        return self.get_importer().preview()

    def transition_import_(self):
        importer = self.get_importer()
        record = importer.run()
        self.result.sie_file = record
        self.result.warnings = '\n'.join(importer.warnings)
        return 'result'

    def default_result(self, fields):
        self.start.file = None  # Not kept in the session
        return {
            'sie_file': self.result.sie_file.id,
            'warnings': self.result.warnings,
            }


class SIEImportStart(ModelView):
    "Import SIE"
    __name__ = 'sosolo.sie.import.start'

    file = fields.Binary("File", required=True, filename='filename')
    filename = fields.Char("File Name")


class SIEImportPreview(ModelView):
    "Import SIE"
    __name__ = 'sosolo.sie.import.preview'

    sie_type = fields.Char("SIE Type", readonly=True)
    program = fields.Char("Program", readonly=True)
    company_name = fields.Char("Company in File", readonly=True)
    orgnr = fields.Char("Organisation Number", readonly=True)
    years = fields.Char("Fiscal Years", readonly=True)
    accounts = fields.Integer("Accounts", readonly=True)
    new_accounts = fields.Integer("New Accounts", readonly=True)
    vouchers = fields.Integer("Vouchers", readonly=True)
    transactions = fields.Integer("Transactions", readonly=True)
    debit = fields.Numeric("Total Debit", digits=(16, 2), readonly=True)
    warnings = fields.Text("Warnings", readonly=True)


class SIEImportResult(ModelView):
    "Import SIE"
    __name__ = 'sosolo.sie.import.result'

    sie_file = fields.Many2One('sosolo.sie.file', "File", readonly=True)
    warnings = fields.Text("Warnings", readonly=True)
