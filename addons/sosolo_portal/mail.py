# SPDX-FileCopyrightText: 2026 SOSOLO contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The e-mails the cooperative sends to people: from its configured
``[email] from``, sent when the transaction commits."""
from email.message import EmailMessage

from trytond.config import config
from trytond.sendmail import send_message_transactional
from trytond.tools.email_ import set_from_header


def send_email(to, subject, body, pdf=None, filename=None):
    """E-mail `body` to `to` (an address or a list of them) under
    `subject`, with `pdf` attached as `filename` when given."""
    msg = EmailMessage()
    from_ = config.get('email', 'from')
    set_from_header(msg, from_, from_)
    msg['To'] = to
    msg['Subject'] = subject
    msg.set_content(body)
    if pdf is not None:
        msg.add_attachment(bytes(pdf), maintype='application',
            subtype='pdf', filename=filename)
    send_message_transactional(msg)
