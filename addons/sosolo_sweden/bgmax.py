# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import Bankgirot BgMax files: pay customer invoices by OCR reference.

Each payment is matched to the posted customer invoice whose OCR
reference it carries, paid with Tryton's own `pay_invoice` (so the
invoice shows the payment) and reconciled when it is paid in full. A
deduction (TK21: the payer subtracts a credit note from what it pays)
settles, the same way, the open credit note whose OCR reference it
carries: the deposit is the payments less the deductions, so the bank
account then moves by the deposit. The rest (no OCR, unknown reference,
a deduction without an open credit note) is recorded with a reason for
the accountant. A file, and a payment (BGC serial number and date), is
imported at most once.
"""
from trytond.i18n import gettext
from trytond.model import ModelSQL, ModelView, fields
from trytond.pool import Pool
from trytond.transaction import Transaction
from trytond.wizard import (
    Button,
    StateAction,
    StateTransition,
    StateView,
    Wizard,
)

from .bgmax_format import OCR, BgMaxError, check, read
from .exceptions import BgMaxImportError
from .imported_file import ImportedFileMixin
from .ocr import is_valid_ocr

RESULTS = [
    ('paid', "Paid"),
    ('underpaid', "Underpaid"),
    ('overpaid', "Overpaid"),
    ('unmatched', "Unmatched"),
    ('deduction', "Unmatched Deduction"),
    ('duplicate', "Already Imported"),
    ]
BANK_ACCOUNT = '1930'
JOURNAL = 'BG'


class BgMaxFile(ImportedFileMixin, ModelSQL, ModelView):
    "BgMax File"
    __name__ = 'sosolo.bgmax.file'
    _duplicate_message = 'sosolo_sweden.msg_bgmax_file_unique'
    payments = fields.One2Many(
        'sosolo.bgmax.payment', 'file', "Payments", readonly=True)


class BgMaxPayment(ModelSQL, ModelView):
    "BgMax Payment"
    __name__ = 'sosolo.bgmax.payment'
    file = fields.Many2One('sosolo.bgmax.file', "File", required=True,
        readonly=True, ondelete='CASCADE')
    company = fields.Many2One(
        'company.company', "Company", required=True, readonly=True)
    date = fields.Date("Date", readonly=True)
    serial = fields.Char("Serial Number", readonly=True)
    reference = fields.Char("Reference", readonly=True)
    amount = fields.Numeric("Amount", digits=(16, 2), readonly=True)
    payer = fields.Char("Payer", readonly=True)
    invoice = fields.Many2One('account.invoice', "Invoice", readonly=True)
    result = fields.Selection(RESULTS, "Result", readonly=True)
    note = fields.Char("Note", readonly=True)


def read_file(data, bankgiro, test_file=False):
    """Read BgMax `data` and check it for the company's `bankgiro`.

    Raise BgMaxImportError, and nothing else, for what must not be
    booked (tests/test_fuzz.py feeds it arbitrary bytes).
    """
    try:
        bgmax = read(data)
        check(bgmax, bankgiro, test_file=test_file)
    except BgMaxError as exception:
        raise BgMaxImportError(gettext(
                f'sosolo_sweden.msg_bgmax_{exception.code}',
                line=exception.line, **exception.params)) from exception
    return bgmax


class BgMaxImporter:
    """Import BgMax `data` named `filename` into `company`.

    A test file from Bankgirot is refused unless `test_file`; so is a
    file of deposits to another bankgiro than the company's, or in
    another currency than SEK (bgmax_format.check): nothing is booked.
    """

    def __init__(self, company, data, filename, test_file=False):
        File = Pool().get('sosolo.bgmax.file')
        self.company = company
        self.filename = filename
        self.bgmax = read_file(data, company.se_bankgiro, test_file)
        if File.imported(company, self.bgmax.sha256):
            raise BgMaxImportError(gettext(
                    'sosolo_sweden.msg_bgmax_file_unique'))

    def run(self):
        "Import the payments; return the sosolo.bgmax.file record."
        pool = Pool()
        File = pool.get('sosolo.bgmax.file')
        Payment = pool.get('sosolo.bgmax.payment')
        record, = File.create([{
                    'company': self.company.id,
                    'filename': self.filename,
                    'sha256': self.bgmax.sha256,
                    }])
        values = []
        for deposit in self.bgmax.deposits:
            for payment in deposit.payments:
                values.append(dict(self.pay(deposit, payment),
                        file=record.id, company=self.company.id,
                        date=deposit.date, serial=payment.serial,
                        reference=payment.reference,
                        amount=payment.amount, payer=payment.name))
        Payment.create(values)
        return record

    def pay(self, deposit, payment):
        pool = Pool()
        Payment = pool.get('sosolo.bgmax.payment')
        Invoice = pool.get('account.invoice')
        Line = pool.get('account.move.line')
        if payment.serial and Payment.search([
                    ('company', '=', self.company.id),
                    ('serial', '=', payment.serial),
                    ('date', '=', deposit.date),
                    ('result', '!=', 'duplicate'),
                    ]):
            return {'result': 'duplicate'}
        unmatched = 'deduction' if payment.deduction else 'unmatched'
        reference = payment.reference
        if payment.reference_code != OCR and not is_valid_ocr(reference):
            return {'result': unmatched,
                'note': gettext('sosolo_sweden.msg_bgmax_note_no_ocr')}
        invoices = Invoice.search([
                ('company', '=', self.company.id),
                ('type', '=', 'out'),
                ('se_ocr', '=', reference),
                ])
        if not invoices:
            return {'result': unmatched,
                'note': gettext('sosolo_sweden.msg_bgmax_note_unknown',
                    reference=reference)}
        invoice, = invoices
        # A payment pays an invoice (amount to pay > 0); a deduction,
        # negative, settles a credit note (amount to pay < 0). Compare
        # them as positive amounts.
        sign = -1 if payment.deduction else 1
        to_pay = invoice.amount_to_pay * sign
        amount = payment.amount * sign
        if invoice.state != 'posted' or to_pay <= 0:
            return {'result': unmatched, 'invoice': invoice.id,
                'note': gettext('sosolo_sweden.msg_bgmax_note_not_open',
                    invoice=invoice.rec_name)}
        overpayment = max(amount - to_pay, 0)
        invoice.pay_invoice(payment.amount, self.payment_method(),
            deposit.date, description=f"BgMax {payment.serial}",
            overpayment=overpayment * sign)
        invoice = Invoice(invoice.id)
        if amount >= to_pay:
            to_reconcile = [l for l in invoice.lines_to_pay
                if not l.reconciliation]
            # pay_invoice puts the overpayment on a line of its own,
            # outside payment_lines: it stays open as the party's credit.
            to_reconcile += [l for l in invoice.payment_lines
                if not l.reconciliation and l not in to_reconcile]
            Line.reconcile(to_reconcile)
            # Reconciliation queues the invoice's processing for after
            # the transaction; do it now so the import reports "paid".
            Invoice.process([invoice])
        if amount == to_pay:
            return {'result': 'paid', 'invoice': invoice.id}
        elif amount > to_pay:
            message = ('overdeducted' if payment.deduction else 'overpaid')
            return {'result': 'overpaid', 'invoice': invoice.id,
                'note': gettext(f'sosolo_sweden.msg_bgmax_note_{message}',
                    amount=amount - to_pay)}
        return {'result': 'underpaid', 'invoice': invoice.id,
            'note': gettext('sosolo_sweden.msg_bgmax_note_underpaid',
                amount=to_pay - amount)}

    def payment_method(self):
        "The bankgiro payment method, on the bank account 1930."
        pool = Pool()
        Method = pool.get('account.invoice.payment.method')
        Journal = pool.get('account.journal')
        Account = pool.get('account.account')
        if hasattr(self, '_method'):
            return self._method
        methods = Method.search([
                ('company', '=', self.company.id),
                ('journal.code', '=', JOURNAL)], limit=1)
        if not methods:
            journals = Journal.search([('code', '=', JOURNAL)], limit=1)
            if not journals:
                journals = Journal.create([{'code': JOURNAL,
                            'name': "Bankgiro", 'type': 'cash'}])
            accounts = Account.search([
                    ('company', '=', self.company.id),
                    ('code', '=', BANK_ACCOUNT)], limit=1)
            if not accounts:
                raise BgMaxImportError(gettext(
                        'sosolo_sweden.msg_bgmax_no_bank_account',
                        account=BANK_ACCOUNT))
            methods = Method.create([{
                        'company': self.company.id, 'name': "Bankgiro",
                        'journal': journals[0].id,
                        'credit_account': accounts[0].id,
                        'debit_account': accounts[0].id}])
        self._method = methods[0]
        return self._method


class BgMaxImport(Wizard):
    "Import BgMax"
    __name__ = 'sosolo.bgmax.import'

    start = StateView('sosolo.bgmax.import.start',
        'sosolo_sweden.bgmax_import_start_view_form', [
            Button("Cancel", 'end', 'tryton-cancel'),
            Button("Import", 'import_', 'tryton-ok', default=True),
            ])
    import_ = StateTransition()
    open_ = StateAction('sosolo_sweden.act_bgmax_file_form')

    def transition_import_(self):
        Company = Pool().get('company.company')
        company = Company(Transaction().context['company'])
        record = BgMaxImporter(company, self.start.file,
            self.start.filename or 'bgmax.txt',
            test_file=self.start.test_file).run()
        self.start.file = None  # Not kept in the session
        self.start.result = record
        return 'open_'

    def do_open_(self, action):
        action['res_id'] = [self.start.result.id]
        action['views'].reverse()
        return action, {}


class BgMaxImportStart(ModelView):
    "Import BgMax"
    __name__ = 'sosolo.bgmax.import.start'
    file = fields.Binary("File", required=True, filename='filename')
    filename = fields.Char("File Name")
    test_file = fields.Boolean("Test File",
        help="Book a test file from Bankgirot (test flag T) too.")
    result = fields.Many2One('sosolo.bgmax.file', "Result", readonly=True,
        states={'invisible': True})

    @classmethod
    def default_test_file(cls):
        return False
