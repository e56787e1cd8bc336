# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
from trytond.i18n import gettext
from trytond.model import ModelView, fields
from trytond.pool import Pool
from trytond.wizard import Button, StateTransition, StateView, Wizard

from .exceptions import PayRunError
from .files import Transfer, pain001_xml


class PaymentFile(Wizard):
    "Salary Payment File"
    __name__ = 'sosolo.payroll.payment_file'

    start = StateTransition()
    result = StateView('sosolo.payroll.payment_file.result',
        'sosolo_payroll.payment_file_result_view_form', [
            Button("Close", 'end', 'tryton-close', default=True),
            ])

    def transition_start(self):
        return 'result'

    def default_result(self, fields):
        run = self.record
        return {
            'file': self.get_file(run),
            'filename': f'lon-{run.payment_date}-{run.id}.xml',
            }

    @classmethod
    def get_file(cls, run):
        "pain.001.001.03 with one transfer per payslip of the posted `run`."
        pool = Pool()
        Configuration = pool.get('sosolo.payroll.configuration')
        config = Configuration(1)
        if run.state not in {'posted', 'paid'}:
            raise PayRunError(gettext('sosolo_payroll.msg_payment_not_posted',
                    run=run.rec_name))
        transfers = []
        for payslip in run.payslips:
            employee = payslip.employee
            account = employee.salary_account()
            if not account:
                raise PayRunError(gettext(
                        'sosolo_payroll.msg_payment_no_account',
                        employee=employee.rec_name))
            if not payslip.net:
                continue
            transfers.append(Transfer(
                    end_to_end_id=f'SOSOLO-{payslip.id}',
                    amount=payslip.net,
                    name=employee.party.name[:70],
                    # The member id is the clearing number's first four
                    # digits; the BBAN is clearing and account together.
                    clearing=account.clearing[:4],
                    account=account.clearing + account.number,
                    remittance=gettext(
                        'sosolo_payroll.msg_payment_remittance',
                        date=run.payment_date)))
        return pain001_xml(
            message_id=f'SOSOLO-RUN-{run.id}',
            payer_name=run.company.party.name,
            payer_orgnr=run.company.se_orgnr,
            payer_iban=config.required('payer_iban'),
            payer_bic=config.required('payer_bic'),
            execution_date=run.payment_date,
            transfers=transfers)


class PaymentFileResult(ModelView):
    "Salary Payment File"
    __name__ = 'sosolo.payroll.payment_file.result'

    file = fields.Binary("File", readonly=True, filename='filename')
    filename = fields.Char("File Name", readonly=True)
